package ad.models.dl4j;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationHardTanH;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationMish;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationSoftSign;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * The project's activation names as DL4J activations, with the native engine's definitions: leaky
 * ReLU slope 0.01, ELU alpha 1, and GELU's tanh approximation (DL4J's {@code precise} GELU; its
 * default is the sigmoid approximation {@code x sigmoid(1.702 x)}).
 */
final class Dl4jActivations {
  private Dl4jActivations() {}

  static IActivation of(String name) {
    return switch (name) {
      case "relu" -> new ActivationReLU();
      case "leakyrelu" -> new ActivationLReLU(0.01);
      case "elu" -> new ActivationELU(1.0);
      case "selu" -> new ActivationSELU();
      case "gelu" -> new ActivationGELU(true);
      case "swish" -> new ActivationSwish();
      case "mish" -> new ActivationMish();
      case "tanh" -> new ActivationTanH();
      case "sigmoid" -> new ActivationSigmoid();
      case "hardsigmoid" -> new ActivationHardSigmoid();
      case "hardtanh" -> new ActivationHardTanH();
      case "softplus" -> new ActivationSoftPlus();
      case "softsign" -> new ActivationSoftSign();
      case "identity" -> new ActivationIdentity();
      default -> throw new IllegalArgumentException("no DL4J activation for '" + name + "'");
    };
  }
}

package ad.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ad.models.network.Activation;
import ad.models.network.LstmArchitecture;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Back-propagation through time against central finite differences on tiny LSTM autoencoders: every
 * weight, recurrent weight and bias of two encoder layers (one feeding the other every step, the
 * last one read at its last step only), two decoder layers (the first fed the repeated code), and
 * the per-step output layer; every activation as the LSTMs' activation, three output activations,
 * dropout with a fixed mask, one layer each way, and a last batch smaller than the pass.
 */
class LstmGradientCheckTest {
  private static final int STEPS = 4;
  private static final int CHANNELS = 2;
  private static final int ROWS = 3;

  @ParameterizedTest
  @EnumSource(Activation.class)
  void everyActivationInsideTheCells(Activation activation) {
    check(architecture(List.of(3, 2), activation, Activation.IDENTITY, 0), ROWS, 21);
  }

  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH", "RELU"})
  void outputActivations(Activation output) {
    check(architecture(List.of(3, 2), Activation.TANH, output, 0), ROWS, 22);
  }

  @Test
  void dropoutWithAFixedMaskOnEveryLayerAndTheCode() {
    check(architecture(List.of(3, 2), Activation.TANH, Activation.IDENTITY, 0.3), ROWS, 23);
  }

  @Test
  void oneLayerEachWayAndABatchSmallerThanThePass() {
    check(architecture(List.of(4), Activation.TANH, Activation.SIGMOID, 0), ROWS - 1, 24);
  }

  @Test
  void aNewCellStartsWithItsForgetGateOpen() {
    LstmAutoencoderNet net = new LstmAutoencoderNet(architecture(List.of(3), Activation.TANH,
        Activation.IDENTITY, 0), 1);
    float[] biases = net.encoder.get(0).biases;
    for (int j = 0; j < biases.length; j++) {
      assertEquals(j >= 3 && j < 6 ? 1f : 0f, biases[j], "bias " + j);
    }
  }

  private static LstmArchitecture architecture(List<Integer> hidden, Activation activation,
      Activation output, double dropout) {
    return new LstmArchitecture(STEPS, CHANNELS, hidden, activation, output, dropout);
  }

  /** Compares every parameter's gradient with finite differences of the training loss. */
  private static void check(LstmArchitecture architecture, int rows, long seed) {
    LstmAutoencoderNet net = new LstmAutoencoderNet(architecture, seed);
    // Non-zero biases and larger weights, so that pre-activations spread over both sides of kinks.
    SplittableRandom random = new SplittableRandom(seed);
    LstmNetPass pass = new LstmNetPass(net, ROWS, true);
    List<Parameter> parameters = pass.parameters();
    for (Parameter p : parameters) {
      float[] values = p.value();
      for (int i = 0; i < values.length; i++) {
        values[i] += (float) (0.3 * random.nextGaussian());
      }
    }
    int n = rows * STEPS * CHANNELS;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextGaussian();
    }
    float[] gradient = new float[n];
    double dropout = architecture.dropout();
    // The same masks in every forward: a fresh generator with the same seed.
    DoubleSupplier loss = () -> Losses.squaredErrors(
        pass.forward(x, rows, dropout, new SplittableRandom(99)), pass.target(), n, 2f / n,
        gradient) / n;
    loss.getAsDouble();
    pass.backward(gradient);
    String name = architecture.hidden() + "/" + architecture.activation() + "/"
        + architecture.outputActivation() + (dropout > 0 ? "/dropout" : "");
    for (int p = 0; p < parameters.size(); p++) {
      float[] values = parameters.get(p).value();
      float[] analytic = parameters.get(p).gradient().clone();
      for (int i = 0; i < values.length; i++) {
        MlpGradientCheckTest.assertClose(analytic[i],
            MlpGradientCheckTest.numeric(values, i, loss),
            name + " parameter " + p + "[" + i + "]");
      }
    }
  }
}

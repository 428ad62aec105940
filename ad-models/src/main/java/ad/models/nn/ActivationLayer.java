package ad.models.nn;

import ad.models.network.Activation;
import ad.models.network.Shape;
import java.util.SplittableRandom;

/** An element-wise activation of the conv engine, plane by plane, with the one set's arithmetic. */
final class ActivationLayer extends Layer {
  private final Activation activation;

  ActivationLayer(Shape shape, Activation activation) {
    super(shape, shape);
    this.activation = activation;
  }

  @Override
  void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
    for (int c = 0; c < in().channels(); c++) {
      Activations.apply(activation, x[c], work.out[c], 0, x[c].length);
    }
  }

  /** {@code x} is this layer's input (the pre-activation), {@code work.out} its output. */
  @Override
  void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
    for (int c = 0; c < in().channels(); c++) {
      Activations.backward(activation, x[c], work.out[c], dy[c], dx[c], dy[c].length);
    }
  }
}

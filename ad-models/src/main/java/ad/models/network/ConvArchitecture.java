package ad.models.network;

import java.util.List;

/**
 * A convolutional autoencoder: a chain of layers from the input's channel planes back to the same
 * shape, trained to reconstruct each sample under the mean squared error.
 *
 * @param input how a row is laid out
 * @param layers the chain; each layer takes the previous one's output shape, the first the input's,
 *     and the last gives the input's shape back
 * @param threads threads that train (each takes a fixed slice of every mini-batch) and score; the
 *     native engine's results depend on it, never on the machine
 */
public record ConvArchitecture(InputLayout input, List<ConvLayer> layers, int threads) implements Architecture {

  public ConvArchitecture {
    layers = List.copyOf(layers);
    Shape expected = input.shape();
    for (int i = 0; i < layers.size(); i++) {
      if (!layers.get(i).in().equals(expected)) {
        throw new IllegalArgumentException("layer " + i + " takes " + layers.get(i).in()
            + " but gets " + expected);
      }
      expected = layers.get(i).out();
    }
    if (!expected.equals(input.shape())) {
      throw new IllegalArgumentException("the last layer gives " + expected + ", not the input's "
          + input.shape());
    }
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be positive, got " + threads);
    }
  }

  /** Kernels and biases of the (transposed) convolutions, weights and biases of the dense layers. */
  @Override
  public long parameterCount() {
    long total = 0;
    for (ConvLayer layer : layers) {
      long count = 0;
      if (layer instanceof ConvLayer.Convolution c) {
        count = kernels(c.in(), c.out(), c.kernelHeight(), c.kernelWidth());
      } else if (layer instanceof ConvLayer.TransposedConvolution t) {
        count = kernels(t.in(), t.out(), t.kernelHeight(), t.kernelWidth());
      } else if (layer instanceof ConvLayer.FullyConnected f) {
        count = Architecture.dense(List.of(f.in().size(), f.out().size()));
      }
      total = Architecture.sum(total, count);
    }
    return total;
  }

  private static long kernels(Shape in, Shape out, int height, int width) {
    long weights = Architecture.product(Architecture.product((long) height * width, in.channels()), out.channels());
    return Architecture.sum(weights, out.channels());
  }
}

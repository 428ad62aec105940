package ad.models.network;

import java.util.Objects;

/**
 * One layer of a {@link ConvArchitecture}, applied to one sample: its input and output shapes and
 * what it computes. Convolutions use "same" padding in TensorFlow's convention (output size
 * {@code ceil(in / stride)}, the extra padding row at the bottom/right); for a series (height 1) the
 * kernels, strides and pools are 1 high.
 */
public sealed interface ConvLayer {

  Shape in();

  /** The output's shape; a layer that keeps the shape has no {@code out} of its own. */
  default Shape out() {
    return in();
  }

  /**
   * A convolution from {@code in.channels()} to {@code out.channels()} channels with a kernel of
   * {@code kernelHeight x kernelWidth} and the given strides, plus a bias per output channel.
   * Weights start Glorot-uniform.
   */
  record Convolution(Shape in, Shape out, int kernelHeight, int kernelWidth, int strideHeight,
      int strideWidth) implements ConvLayer {}

  /**
   * A transposed convolution that grows {@code in} to {@code out}: the adjoint of the "same"
   * convolution from {@code out}'s size down to {@code in}'s with this kernel and these strides, plus
   * a bias per output channel.
   */
  record TransposedConvolution(Shape in, Shape out, int kernelHeight, int kernelWidth,
      int strideHeight, int strideWidth) implements ConvLayer {}

  /**
   * Max pooling over non-overlapping {@code height x width} windows; a partial window at the
   * bottom/right edge is pooled too (output {@code ceil(in / size)}).
   */
  record MaxPooling(Shape in, Shape out, int height, int width) implements ConvLayer {}

  /**
   * Nearest-neighbour upsampling: each value fills a {@code height x width} block, and blocks cut by
   * {@code out}'s edge are cropped, so the decoder retraces the encoder's sizes exactly.
   */
  record Upsampling(Shape in, Shape out, int height, int width) implements ConvLayer {}

  /**
   * A fully connected layer from all of {@code in} to all of {@code out} (both read flat: channel
   * planes one after another), plus a bias per output value: the dense bottleneck.
   */
  record FullyConnected(Shape in, Shape out) implements ConvLayer {}

  /** An element-wise activation of every value of {@code in}. */
  record Nonlinearity(Shape in, Activation activation) implements ConvLayer {
    public Nonlinearity {
      Objects.requireNonNull(activation, "activation");
    }
  }

  /** Inverted dropout while training: each value of {@code in} zeroed with probability {@code rate}. */
  record Dropout(Shape in, double rate) implements ConvLayer {}
}

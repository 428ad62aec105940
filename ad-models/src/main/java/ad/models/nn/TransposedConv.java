package ad.models.nn;

import ad.models.network.Shape;
import java.util.SplittableRandom;

/**
 * A transposed convolution that grows {@code in} to {@code target}: the adjoint of a "same"
 * convolution from {@code target} down to {@code in}, so its forward pass is that convolution's
 * input-gradient pass and the other way round. Sizes match the encoder exactly, odd ones included.
 */
final class TransposedConv extends WeightedLayer {
  /** The convolution this layer is the adjoint of: from this layer's output to its input. */
  private final ConvGeometry g;

  /**
   * Weights {@code w[ci][(co * kh + ky) * kw + kx]}, those of that convolution, Glorot-uniform from
   * {@code init}.
   */
  TransposedConv(Shape in, Shape target, int kh, int kw, int sh, int sw, SplittableRandom init) {
    this(in, grown(in, new ConvGeometry(target, in.channels(), kh, kw, sh, sw)), init);
  }

  private TransposedConv(Shape in, ConvGeometry g, SplittableRandom init) {
    super(in, g.in, glorot(in.channels(), g.taps, in.channels() * g.kh * g.kw, g.taps, init),
        new float[g.in.channels()]);
    this.g = g;
  }

  /** {@code g}, checked to shrink this layer's output to exactly its input. */
  private static ConvGeometry grown(Shape in, ConvGeometry g) {
    if (g.out.height() != in.height() || g.out.width() != in.width()) {
      throw new IllegalArgumentException("transposed convolution cannot grow " + in + " to " + g.in);
    }
    return g;
  }

  @Override
  Work newWork() {
    return new Conv.ConvWork(g, g.in, null, params());
  }

  @Override
  void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
    Conv.ConvWork cw = (Conv.ConvWork) work;
    g.tapGradient(ConvGeometry.transposeOf(w, cw.wt), x, cw.colT);
    g.col2im(cw.colT, cw.out);
    int plane = g.in.plane();
    for (int c = 0; c < bias.length; c++) {
      float b = bias[c];
      float[] o = cw.out[c];
      for (int i = 0; i < plane; i++) {
        o[i] += b;
      }
    }
  }

  @Override
  void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
    Conv.ConvWork cw = (Conv.ConvWork) work;
    int inChannels = w.length;
    float[][] dw = cw.weightGrads;
    float[] db = cw.grads[inChannels];
    for (int c = 0; c < bias.length; c++) {
      db[c] += Kernels.sum(dy[c], g.in.plane());
    }
    g.im2colT(dy, cw.colT);
    g.weightGradient(x, cw.colT, cw.col, dw);
    if (dx != null) {
      g.multiply(w, null, cw.colT, dx);
    }
  }
}

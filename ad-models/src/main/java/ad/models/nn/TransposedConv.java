package ad.models.nn;

import ad.models.network.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A transposed convolution that grows {@code in} to {@code target}: the adjoint of a "same"
 * convolution from {@code target} down to {@code in}, so its forward pass is that convolution's
 * input-gradient pass and the other way round. Sizes match the encoder exactly, odd ones included.
 */
final class TransposedConv implements Layer {
  private final Shape in;
  /** The convolution this layer is the adjoint of: from this layer's output to its input. */
  private final ConvGeometry g;
  /** {@code w[ci][(co * kh + ky) * kw + kx]}: the weights of that convolution. */
  private final float[][] w;
  private final float[] bias;

  TransposedConv(Shape in, Shape target, int kh, int kw, int sh, int sw, SplittableRandom init) {
    this.in = in;
    this.g = new ConvGeometry(target, in.channels(), kh, kw, sh, sw);
    if (g.out.height() != in.height() || g.out.width() != in.width()) {
      throw new IllegalArgumentException("transposed convolution cannot grow " + in + " to " + target);
    }
    this.w = new float[in.channels()][g.taps];
    this.bias = new float[target.channels()];
    Conv.glorot(w, in.channels() * kh * kw, g.taps, init);
  }

  @Override
  public Shape in() {
    return in;
  }

  @Override
  public Shape out() {
    return g.in;
  }

  @Override
  public List<float[]> params() {
    return Layer.weightsThenBias(w, bias);
  }

  @Override
  public List<Boolean> decays() {
    return Layer.weightRowsDecay(w.length);
  }

  @Override
  public Work newWork() {
    return new Conv.ConvWork(g, g.in, null, params());
  }

  @Override
  public void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
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
  public void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
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

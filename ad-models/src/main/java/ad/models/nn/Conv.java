package ad.models.nn;

import ad.models.network.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A 2-D convolution with "same" padding (a 1-D one when the height and the kernel height are 1):
 * gather the taps ({@link ConvGeometry#im2colT}), then a dense product per output channel.
 */
final class Conv implements Layer {
  private final ConvGeometry g;
  /** For stride 1: the convolution that computes the input gradient; null otherwise. */
  private final ConvGeometry back;
  /** {@code w[f][(c * kh + ky) * kw + kx]}. */
  private final float[][] w;
  private final float[] bias;

  Conv(Shape in, int filters, int kh, int kw, int sh, int sw, SplittableRandom init) {
    this.g = new ConvGeometry(in, filters, kh, kw, sh, sw);
    this.back = sh == 1 && sw == 1 ? g.inputGradient() : null;
    this.w = new float[filters][g.taps];
    this.bias = new float[filters];
    glorot(w, g.taps, filters * kh * kw, init);
  }

  /** Glorot/Xavier uniform, Keras's default for convolutions. */
  static void glorot(float[][] w, int fanIn, int fanOut, SplittableRandom random) {
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    for (float[] row : w) {
      for (int k = 0; k < row.length; k++) {
        row[k] = (float) ((random.nextDouble() * 2 - 1) * limit);
      }
    }
  }

  @Override
  public Shape in() {
    return g.in;
  }

  @Override
  public Shape out() {
    return g.out;
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
    return new ConvWork(g, g.out, back, params());
  }

  @Override
  public void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
    ConvWork cw = (ConvWork) work;
    g.im2colT(x, cw.colT);
    g.multiply(w, bias, cw.colT, cw.out);
  }

  @Override
  public void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
    ConvWork cw = (ConvWork) work;
    int filters = w.length;
    float[][] dw = cw.weightGrads;
    float[] db = cw.grads[filters];
    for (int f = 0; f < filters; f++) {
      db[f] += Kernels.sum(dy[f], g.out.plane());
    }
    // cw.colT still holds this sample's taps from the forward pass.
    g.weightGradient(dy, cw.colT, cw.col, dw);
    if (dx != null && back != null) {
      g.flip(w, cw.flipped);
      back.im2colT(dy, cw.backT);
      back.multiply(cw.flipped, null, cw.backT, dx);
    } else if (dx != null) {
      g.tapGradient(ConvGeometry.transposeOf(w, cw.wt), dy, cw.colT);
      g.col2im(cw.colT, dx);
    }
  }

  /** Buffers of a convolution (also used, with the roles swapped, by {@link TransposedConv}). */
  static final class ConvWork extends Work {
    final float[][] colT;
    /** The gradient sums of the kernel rows: all of {@code grads} but the last (the biases). */
    final float[][] weightGrads;
    /** Scratch for the transposed taps, if the weight gradient uses them. */
    final float[][] col;
    final float[][] wt;
    /** The input-gradient convolution's taps and kernel, when there is one. */
    final float[][] backT;
    final float[][] flipped;

    ConvWork(ConvGeometry g, Shape out, ConvGeometry back, List<float[]> params) {
      super(out, params);
      this.weightGrads = java.util.Arrays.copyOf(grads, grads.length - 1);
      this.colT = new float[g.taps][g.out.plane()];
      this.col = g.transposesForWeights() ? new float[g.out.plane()][g.taps] : null;
      this.wt = new float[g.taps][g.out.channels()];
      this.backT = back == null ? null : new float[back.taps][back.out.plane()];
      this.flipped = back == null ? null : new float[back.out.channels()][back.taps];
    }
  }
}

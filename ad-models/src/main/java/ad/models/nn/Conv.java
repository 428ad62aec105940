package ad.models.nn;

import ad.models.network.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A 2-D convolution with "same" padding (a 1-D one when the height and the kernel height are 1):
 * gather the taps ({@link ConvGeometry#im2colT}), then a dense product per output channel.
 */
final class Conv extends WeightedLayer {
  private final ConvGeometry g;
  /** For stride 1: the convolution that computes the input gradient; null otherwise. */
  private final ConvGeometry back;

  /** Weights {@code w[f][(c * kh + ky) * kw + kx]}, Glorot-uniform from {@code init}. */
  Conv(Shape in, int filters, int kh, int kw, int sh, int sw, SplittableRandom init) {
    this(new ConvGeometry(in, filters, kh, kw, sh, sw), init);
  }

  private Conv(ConvGeometry g, SplittableRandom init) {
    super(g.in, g.out, glorot(g.out.channels(), g.taps, g.taps, g.out.channels() * g.kh * g.kw,
        init), new float[g.out.channels()]);
    this.g = g;
    this.back = g.sh == 1 && g.sw == 1 ? g.inputGradient() : null;
  }

  @Override
  Work newWork() {
    return new ConvWork(g, g.out, back, params());
  }

  @Override
  void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
    ConvWork cw = (ConvWork) work;
    g.im2colT(x, cw.colT);
    g.multiply(w, bias, cw.colT, cw.out);
  }

  @Override
  void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
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

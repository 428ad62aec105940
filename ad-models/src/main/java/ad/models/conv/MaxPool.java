package ad.models.conv;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Max pooling over non-overlapping {@code ph x pw} windows; a partial window at the bottom/right
 * edge is pooled too, so the output is {@code ceil(in / p)} like a "same" convolution's.
 */
final class MaxPool implements Layer {
  private final Shape in;
  private final Shape out;
  private final int ph;
  private final int pw;

  MaxPool(Shape in, int ph, int pw) {
    this.in = in;
    this.ph = ph;
    this.pw = pw;
    this.out = new Shape(in.channels(), ConvGeometry.ceilDiv(in.height(), ph),
        ConvGeometry.ceilDiv(in.width(), pw));
  }

  @Override
  public Shape in() {
    return in;
  }

  @Override
  public Shape out() {
    return out;
  }

  @Override
  public Work newWork() {
    return new PoolWork(out);
  }

  @Override
  public void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
    PoolWork pw0 = (PoolWork) work;
    int h = in.height();
    int w = in.width();
    for (int c = 0; c < in.channels(); c++) {
      float[] src = x[c];
      float[] dst = pw0.out[c];
      int[] arg = pw0.argmax[c];
      int o = 0;
      for (int oy = 0; oy < out.height(); oy++) {
        int y0 = oy * ph;
        int y1 = Math.min(y0 + ph, h);
        for (int ox = 0; ox < out.width(); ox++, o++) {
          int x0 = ox * pw;
          int x1 = Math.min(x0 + pw, w);
          if (ph == 2 && pw == 2 && y1 - y0 == 2 && x1 - x0 == 2) {
            // A full 2x2 window (nearly all of them), unrolled.
            int i0 = y0 * w + x0;
            int i1 = i0 + w;
            float a = src[i0];
            float b = src[i0 + 1];
            float e = src[i1];
            float f = src[i1 + 1];
            float top = Math.max(a, b);
            float bottom = Math.max(e, f);
            dst[o] = Math.max(top, bottom);
            if (training) {
              // Where the maximum came from (the first position holding it), for the backward
              // pass. Comparisons of data cannot be predicted, so the sign bit of a difference
              // picks the index instead of a branch; scoring skips this.
              int topAt = i0 + (Float.floatToRawIntBits(a - b) >>> 31);
              int bottomAt = i1 + (Float.floatToRawIntBits(e - f) >>> 31);
              arg[o] = topAt + (Float.floatToRawIntBits(top - bottom) >>> 31) * (bottomAt - topAt);
            }
            continue;
          }
          int best = y0 * w + x0;
          float max = src[best];
          for (int y = y0; y < y1; y++) {
            for (int xx = x0; xx < x1; xx++) {
              int i = y * w + xx;
              if (src[i] > max) {
                max = src[i];
                best = i;
              }
            }
          }
          dst[o] = max;
          arg[o] = best;
        }
      }
    }
  }

  @Override
  public void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
    int[][] argmax = ((PoolWork) work).argmax;
    for (int c = 0; c < in.channels(); c++) {
      float[] d = dx[c];
      Arrays.fill(d, 0f);
      float[] g = dy[c];
      int[] arg = argmax[c];
      for (int o = 0; o < g.length; o++) {
        d[arg[o]] += g[o];
      }
    }
  }

  private static final class PoolWork extends Work {
    final int[][] argmax;

    PoolWork(Shape out) {
      super(out, java.util.List.of());
      this.argmax = new int[out.channels()][out.plane()];
    }
  }
}

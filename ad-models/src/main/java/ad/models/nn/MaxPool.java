package ad.models.nn;

import ad.models.network.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Max pooling over non-overlapping {@code ph x pw} windows; a partial window at the bottom/right
 * edge is pooled too, so the output is {@code ceil(in / p)} like a "same" convolution's.
 */
final class MaxPool extends Layer {
  private final int ph;
  private final int pw;

  MaxPool(Shape in, int ph, int pw) {
    super(in, new Shape(in.channels(), ConvGeometry.ceilDiv(in.height(), ph),
        ConvGeometry.ceilDiv(in.width(), pw)));
    this.ph = ph;
    this.pw = pw;
  }

  @Override
  Work newWork() {
    return new PoolWork(out());
  }

  @Override
  void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
    PoolWork pw0 = (PoolWork) work;
    for (int c = 0; c < in().channels(); c++) {
      float[] src = x[c];
      float[] dst = pw0.out[c];
      int[] arg = pw0.argmax[c];
      for (int oy = 0; oy < out().height(); oy++) {
        if (ph == 2 && pw == 2 && oy * 2 + 1 < in().height()) {
          pairOfRows(src, dst, training ? arg : null, oy);
        } else {
          for (int ox = 0; ox < out().width(); ox++) {
            window(src, dst, training ? arg : null, oy, ox);
          }
        }
      }
    }
  }

  /**
   * Output row {@code oy} of a 2x2 pool, whose two input rows both exist: full windows in a tight
   * loop, then the cropped window of an odd width. {@code arg} is null when scoring, which needs no
   * argmax.
   */
  private void pairOfRows(float[] src, float[] dst, int[] arg, int oy) {
    int w = in().width();
    int i0 = oy * 2 * w;
    int o0 = oy * out().width();
    int full = w / 2;
    if (arg == null) {
      for (int ox = 0; ox < full; ox++) {
        int i = i0 + 2 * ox;
        dst[o0 + ox] = Math.max(Math.max(src[i], src[i + 1]), Math.max(src[i + w], src[i + w + 1]));
      }
    } else {
      for (int ox = 0; ox < full; ox++) {
        int i = i0 + 2 * ox;
        int j = i + w;
        float a = src[i];
        float b = src[i + 1];
        float e = src[j];
        float f = src[j + 1];
        float top = Math.max(a, b);
        float bottom = Math.max(e, f);
        dst[o0 + ox] = Math.max(top, bottom);
        // Where the maximum came from (the first position holding it), for the backward pass.
        // Comparisons of data cannot be predicted, so the sign bit of a difference picks the
        // index instead of a branch.
        int topAt = i + (Float.floatToRawIntBits(a - b) >>> 31);
        int bottomAt = j + (Float.floatToRawIntBits(e - f) >>> 31);
        arg[o0 + ox] = topAt + (Float.floatToRawIntBits(top - bottom) >>> 31) * (bottomAt - topAt);
      }
    }
    if (full < out().width()) {
      window(src, dst, arg, oy, full);
    }
  }

  /** A window of any size, cut by the edges: the general case; {@code arg} as above. */
  private void window(float[] src, float[] dst, int[] arg, int oy, int ox) {
    int w = in().width();
    int y0 = oy * ph;
    int y1 = Math.min(y0 + ph, in().height());
    int x0 = ox * pw;
    int x1 = Math.min(x0 + pw, w);
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
    int o = oy * out().width() + ox;
    dst[o] = max;
    if (arg != null) {
      arg[o] = best;
    }
  }

  @Override
  void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
    int[][] argmax = ((PoolWork) work).argmax;
    for (int c = 0; c < in().channels(); c++) {
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

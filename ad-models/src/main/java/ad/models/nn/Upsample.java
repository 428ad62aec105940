package ad.models.nn;

import ad.models.network.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Nearest-neighbour upsampling to {@code target}'s height and width: each input value fills an
 * {@code fh x fw} block, and a block cut by the edge is cropped, so the decoder retraces the
 * encoder's sizes exactly.
 */
final class Upsample extends Layer {
  private final int fh;
  private final int fw;

  Upsample(Shape in, int height, int width, int fh, int fw) {
    super(in, new Shape(in.channels(), height, width));
    this.fh = fh;
    this.fw = fw;
  }

  @Override
  void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
    int w = out().width();
    int iw = in().width();
    for (int c = 0; c < in().channels(); c++) {
      float[] src = x[c];
      float[] dst = work.out[c];
      for (int y = 0; y < out().height(); y++) {
        int srcRow = (y / fh) * iw;
        int row = y * w;
        if (y % fh != 0) {
          // The same source row as the row above: copy it.
          System.arraycopy(dst, row - w, dst, row, w);
          continue;
        }
        if (fw == 2) {
          int xx = 0;
          for (; xx + 1 < w; xx += 2) {
            float v = src[srcRow + (xx >> 1)];
            dst[row + xx] = v;
            dst[row + xx + 1] = v;
          }
          if (xx < w) {
            dst[row + xx] = src[srcRow + (xx >> 1)];
          }
          continue;
        }
        for (int xx = 0; xx < w; xx++) {
          dst[row + xx] = src[srcRow + xx / fw];
        }
      }
    }
  }

  @Override
  void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
    int w = out().width();
    int iw = in().width();
    for (int c = 0; c < in().channels(); c++) {
      float[] g = dy[c];
      float[] d = dx[c];
      Arrays.fill(d, 0f);
      for (int y = 0; y < out().height(); y++) {
        int dstRow = (y / fh) * iw;
        int row = y * w;
        if (fw == 2) {
          int xx = 0;
          for (; xx + 1 < w; xx += 2) {
            d[dstRow + (xx >> 1)] += g[row + xx] + g[row + xx + 1];
          }
          if (xx < w) {
            d[dstRow + (xx >> 1)] += g[row + xx];
          }
          continue;
        }
        for (int xx = 0; xx < w; xx++) {
          d[dstRow + xx / fw] += g[row + xx];
        }
      }
    }
  }
}

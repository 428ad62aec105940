package ad.models.nn;

import ad.models.network.Shape;
import java.util.Arrays;

/**
 * How a convolution with "same" padding maps its input positions to output positions (TensorFlow's
 * convention: output size {@code ceil(in / stride)}, the padding split with the extra row at the
 * bottom/right), and the data movements that turn it into dense products: {@code im2col} in planar
 * form (one plane per input channel and kernel offset, {@code colT[(c, ky, kx)][q]}), its transpose
 * (one row per output position), and the adjoint scatter {@code col2im}.
 */
final class ConvGeometry {
  final Shape in;
  final Shape out;
  final int kh;
  final int kw;
  final int sh;
  final int sw;
  final int padTop;
  final int padLeft;
  /** Kernel taps per output channel: in channels x kh x kw. */
  final int taps;

  ConvGeometry(Shape in, int outChannels, int kh, int kw, int sh, int sw) {
    this(in, outChannels, kh, kw, sh, sw,
        Math.max((ceilDiv(in.height(), sh) - 1) * sh + kh - in.height(), 0) / 2,
        Math.max((ceilDiv(in.width(), sw) - 1) * sw + kw - in.width(), 0) / 2);
  }

  private ConvGeometry(Shape in, int outChannels, int kh, int kw, int sh, int sw, int padTop,
      int padLeft) {
    this.in = in;
    this.kh = kh;
    this.kw = kw;
    this.sh = sh;
    this.sw = sw;
    this.out = new Shape(outChannels, ceilDiv(in.height(), sh), ceilDiv(in.width(), sw));
    this.padTop = padTop;
    this.padLeft = padLeft;
    this.taps = in.channels() * kh * kw;
  }

  /**
   * For a stride-1 convolution, the convolution that computes its input gradient: from the output
   * gradient's channels back to the input's, with the kernel flipped (see {@link #flip}) and the
   * padding mirrored. It runs on the vectorised product instead of a scalar col2im scatter.
   */
  ConvGeometry inputGradient() {
    if (sh != 1 || sw != 1) {
      throw new IllegalStateException("only for stride 1");
    }
    return new ConvGeometry(new Shape(out.channels(), out.height(), out.width()), in.channels(), kh,
        kw, 1, 1, kh - 1 - padTop, kw - 1 - padLeft);
  }

  /** {@code flipped[c][(f * kh + ky) * kw + kx] = w[f][(c * kh + kh-1-ky) * kw + kw-1-kx]}. */
  void flip(float[][] w, float[][] flipped) {
    int kk = kh * kw;
    for (int f = 0; f < w.length; f++) {
      for (int c = 0; c < in.channels(); c++) {
        for (int t = 0; t < kk; t++) {
          flipped[c][f * kk + t] = w[f][c * kk + kk - 1 - t];
        }
      }
    }
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** {@code colT[(c * kh + ky) * kw + kx][oy * ow + ox] = x[c][iy * w + ix]}, zero in the padding. */
  void im2colT(float[][] x, float[][] colT) {
    if (sh == 1 && sw == 1) {
      shiftedPlanes(x, colT);
      return;
    }
    int oh = out.height();
    int ow = out.width();
    int h = in.height();
    int w = in.width();
    int k = 0;
    for (int c = 0; c < in.channels(); c++) {
      float[] src = x[c];
      for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++, k++) {
          float[] dst = colT[k];
          // Output columns whose input column lies inside the image (the same for every row).
          int lo = Math.max(0, ceilDiv(padLeft - kx, sw));
          int hi = Math.min(ow, Math.max(lo, ceilDiv(w + padLeft - kx, sw)));
          for (int oy = 0; oy < oh; oy++) {
            int iy = oy * sh - padTop + ky;
            int row = oy * ow;
            if (iy < 0 || iy >= h) {
              Arrays.fill(dst, row, row + ow, 0f);
              continue;
            }
            Arrays.fill(dst, row, row + lo, 0f);
            Arrays.fill(dst, row + hi, row + ow, 0f);
            int base = iy * w - padLeft + kx;
            if (sw == 1) {
              System.arraycopy(src, base + lo, dst, row + lo, hi - lo);
            } else {
              for (int ox = lo; ox < hi; ox++) {
                dst[row + ox] = src[base + ox * sw];
              }
            }
          }
        }
      }
    }
  }

  /**
   * im2colT for stride 1, where output and input sizes agree: each tap's plane is the input plane
   * shifted by a fixed offset, so one copy per plane, then zeros where the kernel hangs over an edge.
   */
  private void shiftedPlanes(float[][] x, float[][] colT) {
    int h = in.height();
    int w = in.width();
    int n = h * w;
    int k = 0;
    for (int c = 0; c < in.channels(); c++) {
      float[] src = x[c];
      for (int ky = 0; ky < kh; ky++) {
        int dy = ky - padTop;
        int rowLo = Math.max(0, -dy);
        int rowHi = Math.min(h, h - dy);
        for (int kx = 0; kx < kw; kx++, k++) {
          float[] dst = colT[k];
          int dx = kx - padLeft;
          int shift = dy * w + dx;
          int lo = Math.max(rowLo * w, -shift);
          int hi = Math.max(lo, Math.min(rowHi * w, n - shift));
          Arrays.fill(dst, 0, lo, 0f);
          System.arraycopy(src, lo + shift, dst, lo, hi - lo);
          Arrays.fill(dst, hi, n, 0f);
          // Columns whose source lies off the left or right edge picked up the neighbouring row.
          if (dx != 0) {
            int colLo = dx < 0 ? 0 : w - dx;
            int colHi = dx < 0 ? Math.min(w, -dx) : w;
            for (int oy = rowLo; oy < rowHi; oy++) {
              for (int ox = Math.max(colLo, 0); ox < colHi; ox++) {
                dst[oy * w + ox] = 0f;
              }
            }
          }
        }
      }
    }
  }

  /** Adds {@code dcolT} back onto the input positions it was gathered from: the adjoint of im2colT. */
  void col2im(float[][] dcolT, float[][] dx) {
    int oh = out.height();
    int ow = out.width();
    int h = in.height();
    int w = in.width();
    int k = 0;
    for (int c = 0; c < in.channels(); c++) {
      float[] dst = dx[c];
      Arrays.fill(dst, 0f);
      for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++, k++) {
          float[] src = dcolT[k];
          int lo = Math.max(0, ceilDiv(padLeft - kx, sw));
          int hi = Math.min(ow, Math.max(lo, ceilDiv(w + padLeft - kx, sw)));
          for (int oy = 0; oy < oh; oy++) {
            int iy = oy * sh - padTop + ky;
            if (iy < 0 || iy >= h) {
              continue;
            }
            int row = oy * ow;
            int base = iy * w - padLeft + kx;
            for (int ox = lo; ox < hi; ox++) {
              dst[base + ox * sw] += src[row + ox];
            }
          }
        }
      }
    }
  }

  /** {@code y[f] = bias[f] + sum_k w[f][k] * colT[k]}: the convolution once the taps are gathered. */
  void multiply(float[][] w, float[] bias, float[][] colT, float[][] y) {
    int q = out.plane();
    for (int f = 0; f < y.length; f++) {
      Arrays.fill(y[f], 0, q, bias == null ? 0f : bias[f]);
      Kernels.combine(y[f], w[f], colT, taps, q);
    }
  }

  /**
   * Whether {@link #weightGradient} should transpose the taps first: worth it when several output
   * channels reuse each transposed row and the rows are long enough to vectorise; otherwise scalar
   * dot products are cheaper than the transpose. Vector dot products are cheaper still.
   */
  boolean transposesForWeights() {
    return !Kernels.VECTOR && out.channels() >= 4 && taps >= 24;
  }

  /**
   * {@code dw[f][k] += sum_q g[f][q] * colT[k][q]}: the weight gradient, given the gathered taps.
   * {@code col} (output positions x taps) is scratch for the transposed taps, or null when
   * {@link #transposesForWeights()} is false.
   */
  void weightGradient(float[][] g, float[][] colT, float[][] col, float[][] dw) {
    int q = out.plane();
    if (col != null) {
      transpose(colT, col);
      for (int f = 0; f < dw.length; f++) {
        Kernels.combine(dw[f], g[f], col, q, taps);
      }
      return;
    }
    int f = 0;
    for (; f + 2 <= dw.length; f += 2) {
      int k = 0;
      for (; k + 4 <= taps; k += 4) {
        Kernels.dot2x4(g[f], g[f + 1], colT[k], colT[k + 1], colT[k + 2], colT[k + 3], q, dw[f],
            dw[f + 1], k);
      }
      for (; k < taps; k++) {
        dw[f][k] += Kernels.dot(g[f], colT[k], q);
        dw[f + 1][k] += Kernels.dot(g[f + 1], colT[k], q);
      }
    }
    for (; f < dw.length; f++) {
      float[] gf = g[f];
      float[] d = dw[f];
      int k = 0;
      for (; k + 4 <= taps; k += 4) {
        Kernels.dot4(gf, colT[k], colT[k + 1], colT[k + 2], colT[k + 3], q, d, k);
      }
      for (; k < taps; k++) {
        d[k] += Kernels.dot(gf, colT[k], q);
      }
    }
  }

  /** {@code col[p][k] = colT[k][p]}, in blocks of positions that stay in the L1 cache. */
  private void transpose(float[][] colT, float[][] col) {
    int q = out.plane();
    for (int p0 = 0; p0 < q; p0 += 16) {
      int p1 = Math.min(q, p0 + 16);
      for (int k = 0; k < taps; k++) {
        float[] src = colT[k];
        for (int p = p0; p < p1; p++) {
          col[p][k] = src[p];
        }
      }
    }
  }

  /** {@code dcolT[k] = sum_f w[f][k] * g[f]}, with {@code wt} the transpose of w (taps x filters). */
  void tapGradient(float[][] wt, float[][] g, float[][] dcolT) {
    int q = out.plane();
    for (int k = 0; k < taps; k++) {
      Arrays.fill(dcolT[k], 0f);
      Kernels.combine(dcolT[k], wt[k], g, g.length, q);
    }
  }

  static float[][] transposeOf(float[][] w, float[][] into) {
    for (int f = 0; f < w.length; f++) {
      for (int k = 0; k < w[f].length; k++) {
        into[k][f] = w[f][k];
      }
    }
    return into;
  }
}

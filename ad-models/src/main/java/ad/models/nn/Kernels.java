package ad.models.nn;

/**
 * The inner loops of the conv engine, each run by {@link VectorKernels} when the JVM has the
 * incubating Vector API ({@code --add-modules jdk.incubator.vector}, which the {@code ad} launcher and
 * the build pass) and by {@link ScalarKernels} otherwise. With vectors, conv-28 trains about 1.5
 * times as fast per CPU-second, chiefly because dot products (the weight gradients) are vectorised.
 */
final class Kernels {
  /**
   * Whether {@link VectorKernels} does the work; {@code -Dad.vector=false} turns it off, to compare
   * or to test the scalar loops. A static final flag, so the JIT drops the branch not taken.
   */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("ad.vector"));

  private Kernels() {}

  /** {@code y[i] += a * x0[i] + b * x1[i] + c * x2[i]} for {@code i < n}. */
  static void axpy3(float[] y, float a, float[] x0, float b, float[] x1, float c, float[] x2, int n) {
    if (VECTOR) {
      VectorKernels.axpy3(y, a, x0, b, x1, c, x2, n);
    } else {
      ScalarKernels.axpy3(y, a, x0, b, x1, c, x2, n);
    }
  }

  /** {@code y[i] += a * x0[i] + b * x1[i] + c * x2[i] + d * x3[i]} for {@code i < n}. */
  static void axpy4(float[] y, float a, float[] x0, float b, float[] x1, float c, float[] x2, float d,
      float[] x3, int n) {
    if (VECTOR) {
      VectorKernels.axpy4(y, a, x0, b, x1, c, x2, d, x3, n);
    } else {
      ScalarKernels.axpy4(y, a, x0, b, x1, c, x2, d, x3, n);
    }
  }

  /** {@code y[i] += a * x0[i] + b * x1[i]} for {@code i < n}. */
  static void axpy2(float[] y, float a, float[] x0, float b, float[] x1, int n) {
    if (VECTOR) {
      VectorKernels.axpy2(y, a, x0, b, x1, n);
    } else {
      ScalarKernels.axpy2(y, a, x0, b, x1, n);
    }
  }

  /** {@code y[i] += a * x[i]} for {@code i < n}. */
  static void axpy(float[] y, float a, float[] x, int n) {
    if (VECTOR) {
      VectorKernels.axpy(y, a, x, n);
    } else {
      ScalarKernels.axpy(y, a, x, n);
    }
  }

  /**
   * {@code y[i] += sum_j coef[j] * xs[j][i]} for {@code j < count}, {@code i < n}; groups of terms
   * whose coefficients are all zero are skipped (after a ReLU many gradients are).
   */
  static void combine(float[] y, float[] coef, float[][] xs, int count, int n) {
    int j = 0;
    for (; j + 4 <= count; j += 4) {
      float a = coef[j];
      float b = coef[j + 1];
      float c = coef[j + 2];
      float d = coef[j + 3];
      if (a != 0 || b != 0 || c != 0 || d != 0) {
        axpy4(y, a, xs[j], b, xs[j + 1], c, xs[j + 2], d, xs[j + 3], n);
      }
    }
    if (count - j == 3) {
      axpy3(y, coef[j], xs[j], coef[j + 1], xs[j + 1], coef[j + 2], xs[j + 2], n);
    } else if (count - j == 2) {
      axpy2(y, coef[j], xs[j], coef[j + 1], xs[j + 1], n);
    } else if (count - j == 1) {
      axpy(y, coef[j], xs[j], n);
    }
  }

  /** {@code sum(x[0..n))}. */
  static float sum(float[] x, int n) {
    return VECTOR ? VectorKernels.sum(x, n) : ScalarKernels.sum(x, n);
  }

  /** {@code dot(a, b)} over the first {@code n} values. */
  static float dot(float[] a, float[] b, int n) {
    return VECTOR ? VectorKernels.dot(a, b, n) : ScalarKernels.dot(a, b, n);
  }

  /** {@code out[o + j] += dot(a, bj)} for the four {@code bj}. */
  static void dot4(float[] a, float[] b0, float[] b1, float[] b2, float[] b3, int n, float[] out,
      int o) {
    if (VECTOR) {
      VectorKernels.dot4(a, b0, b1, b2, b3, n, out, o);
    } else {
      ScalarKernels.dot4(a, b0, b1, b2, b3, n, out, o);
    }
  }

  /** {@code out0[o + j] += dot(a0, bj)} and {@code out1[o + j] += dot(a1, bj)} for the four {@code bj}. */
  static void dot2x4(float[] a0, float[] a1, float[] b0, float[] b1, float[] b2, float[] b3, int n,
      float[] out0, float[] out1, int o) {
    if (VECTOR) {
      VectorKernels.dot2x4(a0, a1, b0, b1, b2, b3, n, out0, out1, o);
    } else {
      ScalarKernels.dot2x4(a0, a1, b0, b1, b2, b3, n, out0, out1, o);
    }
  }
}

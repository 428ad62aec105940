package ad.models.nn;

/**
 * The inner loops in plain Java, used when the Vector API is not available (see {@link Kernels}).
 * Each indexes all its arrays by the same counter from 0, which Java 17's C2 compiler vectorises (8 floats per AVX2 instruction); four terms per pass over {@code y} cut its
 * loads and stores by four compared with one term at a time (a few per cent faster than three
 * in noisy measurements; six terms are no longer vectorised).
 */
final class ScalarKernels {
  private ScalarKernels() {}

  /** {@code y[i] += a * x0[i] + b * x1[i] + c * x2[i]} for {@code i < n}. */
  static void axpy3(float[] y, float a, float[] x0, float b, float[] x1, float c, float[] x2, int n) {
    for (int i = 0; i < n; i++) {
      y[i] += a * x0[i] + b * x1[i] + c * x2[i];
    }
  }

  /** {@code y[i] += a * x0[i] + b * x1[i] + c * x2[i] + d * x3[i]} for {@code i < n}. */
  static void axpy4(float[] y, float a, float[] x0, float b, float[] x1, float c, float[] x2, float d,
      float[] x3, int n) {
    for (int i = 0; i < n; i++) {
      y[i] += a * x0[i] + b * x1[i] + c * x2[i] + d * x3[i];
    }
  }

  /** {@code y[i] += a * x0[i] + b * x1[i]} for {@code i < n}. */
  static void axpy2(float[] y, float a, float[] x0, float b, float[] x1, int n) {
    for (int i = 0; i < n; i++) {
      y[i] += a * x0[i] + b * x1[i];
    }
  }

  /** {@code y[i] += a * x[i]} for {@code i < n}. */
  static void axpy(float[] y, float a, float[] x, int n) {
    for (int i = 0; i < n; i++) {
      y[i] += a * x[i];
    }
  }

  static float sum(float[] x, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    for (; i < n; i++) {
      s0 += x[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * {@code out[o + j] += dot(a, bj)} for the four {@code bj}. Java 17 does not vectorise a float sum,
   * so this is scalar; sharing {@code a} and keeping eight independent sums keeps both load ports
   * busy instead of waiting on one chain of additions.
   */
  static void dot4(float[] a, float[] b0, float[] b1, float[] b2, float[] b3, int n, float[] out,
      int o) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float t0 = 0;
    float t1 = 0;
    float t2 = 0;
    float t3 = 0;
    int i = 0;
    for (; i + 2 <= n; i += 2) {
      float x = a[i];
      float y = a[i + 1];
      s0 += x * b0[i];
      s1 += x * b1[i];
      s2 += x * b2[i];
      s3 += x * b3[i];
      t0 += y * b0[i + 1];
      t1 += y * b1[i + 1];
      t2 += y * b2[i + 1];
      t3 += y * b3[i + 1];
    }
    if (i < n) {
      float x = a[i];
      s0 += x * b0[i];
      s1 += x * b1[i];
      s2 += x * b2[i];
      s3 += x * b3[i];
    }
    out[o] += s0 + t0;
    out[o + 1] += s1 + t1;
    out[o + 2] += s2 + t2;
    out[o + 3] += s3 + t3;
  }

  /** {@code dot(a, b)} with four independent sums. */
  static float dot(float[] a, float[] b, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * {@code out0[o + j] += dot(a0, bj)} and {@code out1[o + j] += dot(a1, bj)} for the four {@code bj}:
   * a 2 x 4 block of dot products, six loads per eight multiply-adds.
   */
  static void dot2x4(float[] a0, float[] a1, float[] b0, float[] b1, float[] b2, float[] b3, int n,
      float[] out0, float[] out1, int o) {
    float s00 = 0;
    float s01 = 0;
    float s02 = 0;
    float s03 = 0;
    float s10 = 0;
    float s11 = 0;
    float s12 = 0;
    float s13 = 0;
    for (int i = 0; i < n; i++) {
      float x = a0[i];
      float y = a1[i];
      float c0 = b0[i];
      float c1 = b1[i];
      float c2 = b2[i];
      float c3 = b3[i];
      s00 += x * c0;
      s01 += x * c1;
      s02 += x * c2;
      s03 += x * c3;
      s10 += y * c0;
      s11 += y * c1;
      s12 += y * c2;
      s13 += y * c3;
    }
    out0[o] += s00;
    out0[o + 1] += s01;
    out0[o + 2] += s02;
    out0[o + 3] += s03;
    out1[o] += s10;
    out1[o + 1] += s11;
    out1[o + 2] += s12;
    out1[o + 3] += s13;
  }
}

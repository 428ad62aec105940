package ad.models.baseline;

import ad.models.nn.Blas;

/** The one matrix product of the brute-force kNN search, on the native engine's OpenBLAS binding. */
final class CrossProducts {
  private CrossProducts() {}

  /**
   * {@code out[i * n + j] = a_i . b_j}, single precision, for the {@code m} rows of {@code a} and the
   * {@code n} rows of {@code b}, both row-major and {@code columns} wide.
   */
  static void of(float[] a, int m, float[] b, int n, int columns, float[] out) {
    Blas.gemm(false, true, m, n, columns, a, b, 0f, out);
  }
}

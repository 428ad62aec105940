package ad.models.baseline;

import ad.models.engine.EngineInfo;
import org.bytedeco.openblas.global.openblas;

/**
 * The one matrix product of the brute-force kNN search, on the OpenBLAS that ND4J loads: the one
 * place to re-point when the engine's BLAS binding moves or becomes public.
 */
final class CrossProducts {
  private CrossProducts() {}

  /**
   * {@code out[i * n + j] = a_i . b_j}, single precision, for the {@code m} rows of {@code a} and the
   * {@code n} rows of {@code b}, both row-major and {@code columns} wide.
   */
  static void of(float[] a, int m, float[] b, int n, int columns, float[] out) {
    // Sets the calling thread's OpenMP threads as the engine sets its own (one, unless
    // OMP_NUM_THREADS says otherwise) and makes sure ND4J has loaded OpenBLAS.
    EngineInfo.threads();
    openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, m, n,
        columns, 1f, a, columns, b, columns, 0f, out, n);
  }
}

package ad.models.nn;

import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Row-major single-precision matrix products, {@code C = A' B' + beta C}, through OpenBLAS's
 * {@code cblas_sgemm} on Java arrays.
 *
 * <p>The binding is JavaCPP's {@code org.bytedeco.openblas}, the same library ND4J loads for its own
 * products (it comes with nd4j-native), so no second BLAS ships.
 *
 * <p>Threads: OpenBLAS here is built with OpenMP and follows the calling thread's OpenMP count, a
 * per-thread setting. Every thread that multiplies is set to {@link #threads()} before its first
 * product: one, unless {@code OMP_NUM_THREADS} says otherwise. One thread is what the small dense
 * nets want (dense-64 trained at 130k samples/s with two BLAS threads against 280-400k with one, same
 * machine and hour), and one thread per process lets experiment cells run side by side; users never
 * set it.
 *
 * <p>Public for the one other user of the engine's products, the kNN baseline's blocked distances.
 */
public final class Blas {
  private static final int ROW_MAJOR = openblas.CblasRowMajor;
  private static final int NO_TRANS = openblas.CblasNoTrans;
  private static final int TRANS = openblas.CblasTrans;
  private static final boolean THREADS_FROM_ENVIRONMENT = System.getenv("OMP_NUM_THREADS") != null;
  private static final ThreadLocal<Boolean> THREAD_SET = ThreadLocal.withInitial(() -> false);

  static {
    // ND4J loads OpenBLAS and its OpenMP runtime; NativeOpsHolder fails if touched before Nd4j.
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
  }

  private Blas() {}

  /**
   * {@code C[m x n] = op(A)[m x k] * op(B)[k x n] + beta * C}, all row-major and densely packed:
   * {@code A} is stored {@code m x k} (or {@code k x m} when {@code transA}), {@code B} is stored
   * {@code k x n} (or {@code n x k} when {@code transB}).
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b,
      float beta, float[] c) {
    ensureThread();
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    openblas.cblas_sgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k,
        1f, a, lda, b, ldb, beta, c, n);
  }

  /** The OpenMP threads of every engine thread: OMP_NUM_THREADS if set, else 1. */
  static int threads() {
    ensureThread();
    return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
  }

  /** Applies the thread setting to the calling thread, once. */
  static void ensureThread() {
    if (!THREAD_SET.get()) {
      if (!THREADS_FROM_ENVIRONMENT) {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
      }
      THREAD_SET.set(true);
    }
  }
}

package ad.models.dense;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J settings, applied before any network is built or run: call {@link #ensure()} on the thread
 * that is about to do the work.
 *
 * <p>Float everywhere: our data is float, and a double default would double memory and halve speed
 * for nothing.
 *
 * <p>One OpenMP/BLAS thread unless {@code OMP_NUM_THREADS} is set (then ND4J and OpenMP follow it): the
 * dense nets here are small enough that ND4J's default of one thread per core trains up to several
 * times slower and erratically (STACK.md), and one thread per process lets experiment cells run side
 * by side. The OpenMP thread count is a per-thread setting ({@code omp_set_num_threads} only changes
 * the calling thread, and OpenBLAS follows the caller's OpenMP count), so it is applied once in every
 * thread that trains or scores, not once per process: set only on the main thread, a pool thread
 * still ran every op on two threads and trained at half the speed.
 *
 * <p>Logging is not touched here: ND4J announces its backend in ~15 INFO lines on first use, and the
 * application's logging configuration (e.g. {@code simplelogger.properties}) is the place to set
 * {@code org.nd4j} to warn.
 */
final class Nd4jSetup {
  private static final boolean THREADS_FROM_ENVIRONMENT = System.getenv("OMP_NUM_THREADS") != null;
  private static final ThreadLocal<Boolean> THREAD_DONE = ThreadLocal.withInitial(() -> false);
  private static boolean processDone;

  private Nd4jSetup() {}

  static void ensure() {
    ensureProcess();
    if (!THREADS_FROM_ENVIRONMENT && !THREAD_DONE.get()) {
      Nd4j.factory().blas().setMaxThreads(1);
      NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
      THREAD_DONE.set(true);
    }
  }

  private static synchronized void ensureProcess() {
    if (!processDone) {
      // Loads the backend first: NativeOpsHolder fails if it is touched before Nd4j is initialised.
      Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
      processDone = true;
    }
  }
}

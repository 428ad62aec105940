package ad.models.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Spreads the batches of one large scoring call over {@link #THREADS} threads.
 *
 * <p>Why: a forward pass is a few small products per batch, too small for a multi-threaded BLAS
 * (every engine thread runs BLAS on one thread, see {@link EngineInfo}), but batches are independent,
 * so two threads each taking every other batch score about twice as fast on an idle two-core machine,
 * with no synchronisation but the final join. Training stays on one thread: splitting a step needs a
 * barrier per step, which costs more than it saves on nets this small and on a shared machine.
 *
 * <p>Results do not depend on the thread count: batch boundaries are the same, each batch is computed
 * the same way, and each worker writes only its own batches' rows.
 */
public final class ScoringThreads {
  /** Threads per scoring call: two (the peer, PyTorch, scores on two), fewer on a one-core machine. */
  public static final int THREADS = Math.max(1, Math.min(2,
      Runtime.getRuntime().availableProcessors()));

  private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "ad-engine-score");
    thread.setDaemon(true);
    return thread;
  });

  private ScoringThreads() {}

  /** Scores one batch of rows {@code [first, first + count)}; one worker per thread. */
  public interface Worker {
    void batch(int first, int count);
  }

  /**
   * Calls {@code batch(first, count)} for every batch of {@code batchRows} rows of {@code rows}, on up
   * to {@link #THREADS} threads, each with its own worker from {@code workers} (which must be safe to
   * call from any thread). Worker {@code w} takes batches {@code w, w + threads, ...}.
   */
  public static void forEachBatch(int rows, int batchRows, Supplier<? extends Worker> workers) {
    int batches = (rows + batchRows - 1) / batchRows;
    int threads = Math.min(THREADS, batches);
    if (threads <= 1) {
      run(workers.get(), 0, 1, rows, batchRows);
      return;
    }
    List<Future<?>> others = new ArrayList<>();
    for (int w = 1; w < threads; w++) {
      int index = w;
      others.add(POOL.submit(() -> run(workers.get(), index, threads, rows, batchRows)));
    }
    run(workers.get(), 0, threads, rows, batchRows);
    for (Future<?> other : others) {
      try {
        other.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while scoring", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  private static void run(Worker worker, int index, int threads, int rows, int batchRows) {
    for (int first = index * batchRows; first < rows; first += threads * batchRows) {
      worker.batch(first, Math.min(batchRows, rows - first));
    }
  }
}

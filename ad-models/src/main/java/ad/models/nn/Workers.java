package ad.models.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The one worker pool of the models: a fixed number of slices of work, slice 0 on the calling thread
 * and the others on a shared pool of daemon threads, so that slice i always does the same part of the
 * work and results never depend on scheduling.
 *
 * <p>Two uses: the conv engine splits each mini-batch into fixed slices ({@link #run}), and every
 * model spreads the batches of a large scoring call over a few threads ({@link #forEachBatch}): a
 * forward pass is a few small products per batch, too small for a multi-threaded BLAS, but batches are
 * independent, so two threads each taking every other batch score about twice as fast on an idle
 * two-core machine, with no synchronisation but the final join. The pool grows with demand and its
 * idle threads end after a minute; the caller always runs one slice itself, so nested use (two cells
 * scoring at once) cannot starve.
 */
public final class Workers {
  /** Threads of a dense scoring call: two (the peer, PyTorch, scores on two), fewer on one core. */
  public static final int SCORING_THREADS = Math.max(1, Math.min(2,
      Runtime.getRuntime().availableProcessors()));

  private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "ad-worker");
    thread.setDaemon(true);
    return thread;
  });

  private Workers() {}

  /** Does one batch of rows {@code [first, first + count)}. */
  public interface BatchWorker {
    void batch(int first, int count);
  }

  /**
   * Runs {@code task} for slices {@code 0 .. slices - 1} at once and returns their results in slice
   * order. A slice's exception is rethrown once all have ended.
   */
  public static <T> List<T> run(int slices, IntFunction<T> task) {
    List<Future<T>> others = new ArrayList<>();
    for (int i = 1; i < slices; i++) {
      int slice = i;
      others.add(POOL.submit(() -> task.apply(slice)));
    }
    List<T> results = new ArrayList<>(slices);
    RuntimeException failure = null;
    try {
      results.add(task.apply(0));
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<T> other : others) {
      try {
        results.add(other.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        others.forEach(f -> f.cancel(true));
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException r ? r
              : new IllegalStateException(e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  /** The first item of slice {@code slice} when {@code n} items are split evenly into {@code slices}. */
  public static int from(int slice, int slices, int n) {
    return (int) ((long) n * slice / slices);
  }

  /** {@link #forEachBatch(int, int, int, Supplier)} on {@link #SCORING_THREADS} threads. */
  public static void forEachBatch(int rows, int batchRows, Supplier<? extends BatchWorker> workers) {
    forEachBatch(rows, batchRows, SCORING_THREADS, workers);
  }

  /**
   * Calls {@code batch(first, count)} for every batch of {@code batchRows} rows of {@code rows}, on
   * up to {@code threads} threads, each with its own worker from {@code workers} (which must be safe
   * to call from any thread). Worker {@code w} takes batches {@code w, w + threads, ...}.
   */
  public static void forEachBatch(int rows, int batchRows, int threads,
      Supplier<? extends BatchWorker> workers) {
    int batches = (rows + batchRows - 1) / batchRows;
    int slices = Math.max(1, Math.min(threads, batches));
    run(slices, slice -> {
      BatchWorker worker = workers.get();
      for (int first = slice * batchRows; first < rows; first += slices * batchRows) {
        worker.batch(first, Math.min(batchRows, rows - first));
      }
      return null;
    });
  }
}

package ad.models.conv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A fixed number of worker threads, each with a fixed index, so that worker i always does slice i of
 * the work and results never depend on scheduling. Close it to stop the threads.
 */
final class Workers implements AutoCloseable {
  private final int count;
  private final ExecutorService pool;

  Workers(int count) {
    this.count = count;
    // The caller runs slice 0 itself; the pool runs the rest.
    this.pool = count > 1 ? Executors.newFixedThreadPool(count - 1, r -> {
      Thread t = new Thread(r, "conv-autoencoder-worker");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  int count() {
    return count;
  }

  /** Runs {@code task} for slices 0..count-1 at once and returns their results in slice order. */
  <T> List<T> run(IntFunction<T> task) {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int slice = i;
      futures.add(pool.submit(() -> task.apply(slice)));
    }
    List<T> results = new ArrayList<>(count);
    results.add(task.apply(0));
    for (Future<T> f : futures) {
      try {
        results.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    return results;
  }

  /** The range {@code [from, to)} of slice {@code slice} when {@code n} items are split evenly. */
  static int from(int slice, int slices, int n) {
    return (int) ((long) n * slice / slices);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}

package ad.eval.run;

import ad.core.MemoryAdvice;
import ad.core.UserException;
import ad.eval.cell.CellSpec;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs cells on a pool of threads of this process. Each dataset is loaded once and each (dataset,
 * seed) split prepared once, shared by the cells that use it ({@link PreparedData}).
 */
public final class InProcessScheduler implements CellScheduler {
  private final int workers;

  /** @param workers cells run at once; 0 = one per core */
  public InProcessScheduler(int workers) {
    this.workers = workers;
  }

  @Override
  public int workers(int pending) {
    return Math.max(1, Math.min(workers > 0 ? workers : Runtime.getRuntime().availableProcessors(), pending));
  }

  @Override
  public String description() {
    return "in process";
  }

  @Override
  public void run(List<CellSpec> cells, RunContext run, Consumer<CellOutcome> finished) {
    PreparedData data = new PreparedData(run.data(), cells, run.listener()::warn);
    SpecResolver resolver = new SpecResolver(run.spec());
    int total = run.spec().cellCount();
    AtomicInteger threadNumber = new AtomicInteger();
    int threads = workers(cells.size());
    MemoryAdvice.HeapSharing sharing = MemoryAdvice.HeapSharing.workers(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ad-cell-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      ExecutorCompletionService<CellOutcome> completion = new ExecutorCompletionService<>(pool);
      for (CellSpec cell : cells) {
        completion.submit(() -> {
          run.listener().cellStarted(cell.index() + 1, total, cell.dataset().name(), cell.detector().name(),
              cell.seed());
          try {
            return CellTask.run(cell, resolver, (components, warn) -> data.split(cell, components),
                run.outputDirectory(), sharing);
          } finally {
            data.release(cell);
          }
        });
      }
      for (int done = 0; done < cells.size(); done++) {
        finished.accept(completion.take().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted; finished cells are kept in " + run.outputDirectory());
    } catch (ExecutionException e) {
      throw new IllegalStateException("a cell escaped its error handling", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}

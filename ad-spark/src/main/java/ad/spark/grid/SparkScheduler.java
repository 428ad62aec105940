package ad.spark.grid;

import ad.core.UserException;
import ad.eval.cell.CellResult;
import ad.eval.cell.CellSpec;
import ad.eval.cell.LoadedDataset;
import ad.eval.run.CellOutcome;
import ad.eval.run.CellScheduler;
import ad.eval.run.RunContext;
import ad.eval.run.SpecResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Runs each cell of a run as a Spark task, in a Spark job of its own: a cell whose task fails for
 * good (its executor lost every retry) fails alone, with Spark's reason, and the other cells go on.
 * The driver keeps as many cells in flight as the cluster has task slots, loads each dataset once and
 * broadcasts it ({@link BroadcastDatasets}), and writes the files each task sends back under the
 * run's output folder before handing the cell over, so the run records results, stored cells, report
 * and run.json exactly as a run in one process does. A task Spark retries (or runs twice
 * speculatively) still yields one result per job, and the run records a cell once.
 *
 * <p>Numbers do not depend on where a cell runs: every random choice comes from the cell's seed, and
 * executors run the native BLAS on one thread, as the ad launcher does.
 */
public final class SparkScheduler implements CellScheduler {
  private final SparkSession spark;

  public SparkScheduler(SparkSession spark) {
    this.spark = spark;
  }

  @Override
  public int workers(int pending) {
    return Math.max(1, Math.min(pending, spark.sparkContext().defaultParallelism()));
  }

  @Override
  public String description() {
    return "spark " + spark.sparkContext().master();
  }

  @Override
  public void run(List<CellSpec> cells, RunContext run, Consumer<CellOutcome> finished) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    BroadcastDatasets data = new BroadcastDatasets(context, new SpecResolver(run.spec()), run.data(), cells);
    int total = run.spec().cellCount();
    AtomicInteger threadNumber = new AtomicInteger();
    // One driver thread per cell in flight: each submits its cell's job and waits for it.
    ExecutorService driver = Executors.newFixedThreadPool(workers(cells.size()), r -> {
      Thread t = new Thread(r, "ad-spark-cell-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      ExecutorCompletionService<CellOutcome> completion = new ExecutorCompletionService<>(driver);
      for (CellSpec cell : cells) {
        completion.submit(() -> {
          run.listener().cellStarted(cell.index() + 1, total, cell.dataset().name(), cell.detector().name(),
              cell.seed());
          try {
            return runCell(context, cell, data, run.outputDirectory());
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
      context.cancelAllJobs();
      throw new UserException("interrupted; finished cells are kept in " + run.outputDirectory());
    } catch (ExecutionException e) {
      throw new IllegalStateException("a cell escaped its error handling", e.getCause());
    } finally {
      driver.shutdownNow();
      data.releaseAll();
    }
  }

  private static CellOutcome runCell(JavaSparkContext context, CellSpec cell, BroadcastDatasets data,
      Path outputDirectory) {
    Broadcast<LoadedDataset> dataset;
    try {
      dataset = data.of(cell);
    } catch (UserException e) {
      return failed(cell, e.getMessage());
    }
    context.setJobDescription("ad cell " + (cell.index() + 1) + ": " + cell.fileLabel());
    ShippedOutcome shipped;
    try {
      shipped = context.parallelize(List.of(new ShippedCell(cell, dataset)), 1).map(CellJob::run).collect().get(0);
    } catch (Exception e) {
      // The task itself failed for good (an executor lost on every attempt, a result too large):
      // the cell's own errors never get here, CellTask turns them into a failed result.
      return failed(cell, "the Spark task of this cell failed: " + firstLine(e));
    }
    for (ShippedFile file : shipped.files()) {
      file.writeUnder(outputDirectory);
    }
    return shipped.outcome();
  }

  private static CellOutcome failed(CellSpec cell, String error) {
    return new CellOutcome(cell.index(), CellResult.failed(cell, error), List.of());
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

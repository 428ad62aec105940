package ad.spark.grid;

import ad.core.MemoryAdvice;
import ad.core.UserException;
import ad.eval.cell.CellResult;
import ad.eval.cell.CellSpec;
import ad.eval.cell.LoadedDataset;
import ad.eval.run.CellOutcome;
import ad.eval.run.CellScheduler;
import ad.eval.run.RunContext;
import ad.eval.run.SpecResolver;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Runs each cell of a run as a Spark task, in a Spark job of its own: a cell whose task fails for
 * good (its executor lost on every attempt) fails alone, with Spark's reason, and the other cells go
 * on. The driver submits jobs asynchronously, keeping twice as many cells in flight as the cluster
 * has task slots (re-counted as executors join, so Spark always has the next cell queued), loads each
 * dataset once and broadcasts it ({@link BroadcastDatasets}), and as each job ends writes the files
 * its task sent back under the run's output folder before handing the cell over: the run records
 * results, stored cells, report and run.json exactly as a run in one process does. A task Spark
 * retries (or runs twice speculatively) still yields one result per job, and the run records a cell
 * once.
 *
 * <p>Numbers do not depend on where a cell runs: every random choice comes from the cell's seed, and
 * executors run as the ad launcher runs ad (native BLAS on one thread, the conv engine's vector
 * kernels; see {@code Sessions}).
 */
public final class SparkScheduler implements CellScheduler {
  /** How often the driver looks for finished jobs. */
  private static final long POLL_MILLIS = 20;

  private final SparkSession spark;

  public SparkScheduler(SparkSession spark) {
    this.spark = spark;
  }

  /** The cluster's task slots as Spark counts them now (executors that joined so far). */
  @Override
  public int workers(int pending) {
    return Math.max(1, Math.min(pending, spark.sparkContext().defaultParallelism()));
  }

  /**
   * How many cells share an executor's heap, and which setting sizes it: local[N] runs its N task
   * slots in this JVM ({@code -Xmx}); a cluster's executor runs spark.executor.cores /
   * spark.task.cpus (unknown when the cores are not set: a standalone executor then takes every core
   * of its worker) in a heap of {@code spark.executor.memory}.
   */
  private MemoryAdvice.HeapSharing heapSharing() {
    SparkContext context = spark.sparkContext();
    if (context.isLocal()) {
      return new MemoryAdvice.HeapSharing(context.defaultParallelism(),
          "a master of fewer threads, e.g. --spark local[1]", MemoryAdvice.Heap.THIS_JVM);
    }
    int cores = context.getConf().getInt("spark.executor.cores", 0);
    int perTask = Math.max(1, context.getConf().getInt("spark.task.cpus", 1));
    return new MemoryAdvice.HeapSharing(cores > 0 ? Math.max(1, cores / perTask) : 0,
        "fewer task slots per executor: a smaller spark.executor.cores",
        MemoryAdvice.Heap.SPARK_EXECUTOR);
  }

  @Override
  public String description() {
    return "spark " + spark.sparkContext().master();
  }

  @Override
  public void run(List<CellSpec> cells, RunContext run, Consumer<CellOutcome> finished) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    BroadcastDatasets data = new BroadcastDatasets(context, new SpecResolver(run.spec()), run.data(), cells);
    MemoryAdvice.HeapSharing sharing = heapSharing();
    int total = run.spec().cellCount();
    Deque<CellSpec> waiting = new ArrayDeque<>(cells);
    Map<CellSpec, Future<List<ShippedOutcome>>> inFlight = new LinkedHashMap<>();
    try {
      while (!waiting.isEmpty() || !inFlight.isEmpty()) {
        while (!waiting.isEmpty() && inFlight.size() < 2 * spark.sparkContext().defaultParallelism()) {
          CellSpec cell = waiting.poll();
          run.listener().cellStarted(cell.index() + 1, total, cell.dataset().name(), cell.detector().name(),
              cell.seed());
          Future<List<ShippedOutcome>> job = submit(context, cell, data, sharing);
          if (job == null) {
            data.release(cell);
            finished.accept(failed(cell, data.failure(cell)));
          } else {
            inFlight.put(cell, job);
          }
        }
        boolean any = false;
        for (Iterator<Map.Entry<CellSpec, Future<List<ShippedOutcome>>>> it = inFlight.entrySet().iterator();
            it.hasNext(); ) {
          Map.Entry<CellSpec, Future<List<ShippedOutcome>>> job = it.next();
          if (job.getValue().isDone()) {
            it.remove();
            any = true;
            data.release(job.getKey());
            finished.accept(outcome(job.getKey(), job.getValue(), run.outputDirectory()));
          }
        }
        if (!any) {
          Thread.sleep(POLL_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted; finished cells are kept in " + run.outputDirectory());
    } finally {
      if (!inFlight.isEmpty()) {
        inFlight.values().forEach(job -> job.cancel(true));
      }
      data.releaseAll();
    }
  }

  /** Submits the cell's job; null when its dataset cannot be loaded ({@link BroadcastDatasets#failure}). */
  private static Future<List<ShippedOutcome>> submit(JavaSparkContext context, CellSpec cell,
      BroadcastDatasets data, MemoryAdvice.HeapSharing sharing) {
    Broadcast<LoadedDataset> dataset;
    try {
      dataset = data.of(cell);
    } catch (UserException e) {
      return null;
    }
    context.setJobDescription("ad cell " + (cell.index() + 1) + ": " + cell.fileLabel());
    return context.parallelize(List.of(new ShippedCell(cell, dataset, sharing)), 1).map(CellJob::run).collectAsync();
  }

  /** The outcome of a finished job, its files written under {@code outputDirectory}. */
  private static CellOutcome outcome(CellSpec cell, Future<List<ShippedOutcome>> job, Path outputDirectory)
      throws InterruptedException {
    ShippedOutcome shipped;
    try {
      shipped = job.get().get(0);
    } catch (ExecutionException e) {
      // The task itself failed for good (an executor lost on every attempt, a result too large):
      // the cell's own errors never get here, CellTask turns them into a failed result.
      Throwable reason = e.getCause() == null ? e : e.getCause();
      return failed(cell, "the Spark task of this cell failed: " + firstLine(reason));
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

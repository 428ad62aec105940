package ad.eval.run;

import ad.core.UserException;
import ad.core.data.DataContext;
import ad.eval.run.CellStore.StoredCell;
import ad.eval.spec.Component;
import ad.eval.spec.ExperimentSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the cells of an experiment on a pool of workers and writes everything under one output folder.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Results do not depend on the number of workers: every random choice of a cell comes from its
 *       seed, and rows are written in the fixed cell order (dataset, seed, detector, thresholder).
 *   <li>Nothing finished is lost: each cell is stored ({@code cells/<id>.json}) and results.csv/json
 *       rewritten atomically as soon as it finishes. A re-run skips stored cells whose hash matches
 *       (so an interrupted run finishes only what is missing); {@code fresh} starts over.
 *   <li>A failing cell is recorded with its error and the others go on.
 *   <li>Two runs cannot write into the same folder at once ({@link RunLock}).
 * </ul>
 */
public final class ExperimentRunner {
  private final ExperimentSpec spec;
  private final DataContext dataContext;
  private final Path outputDirectory;
  private final RunListener listener;
  private final Settings settings;

  /**
   * @param workers cells run at once; 0 = the spec's {@code workers}, else one per core
   * @param fresh forget stored cells and run everything again
   */
  public record Settings(int workers, boolean fresh) {
    public static final Settings DEFAULT = new Settings(0, false);
  }

  public ExperimentRunner(ExperimentSpec spec, DataContext dataContext, Path outputDirectory,
      RunListener listener, Settings settings) {
    this.spec = spec;
    this.dataContext = dataContext;
    this.outputDirectory = outputDirectory;
    this.listener = listener;
    this.settings = settings;
  }

  public RunSummary run() {
    long start = System.nanoTime();
    try (RunLock lock = RunLock.acquire(outputDirectory)) {
      List<Cell> cells = CellIds.plan(spec);
      CellStore store = new CellStore(outputDirectory.resolve("cells"));
      if (settings.fresh()) {
        store.clear();
      }
      Map<Integer, CellOutcome> finished = new TreeMap<>();
      List<Cell> pending = new ArrayList<>();
      for (Cell cell : cells) {
        store.load(cell.id()).ifPresentOrElse(
            c -> finished.put(cell.index(), new CellOutcome(c.rows(), c.curves())),
            () -> pending.add(cell));
      }
      if (!finished.isEmpty()) {
        listener.warn("resuming: " + finished.size() + " of " + cells.size()
            + " cells are already done (use --fresh to run them again)");
      }
      requireLoadable(pending);
      ResultsWriter writer = new ResultsWriter(outputDirectory, spec);
      int workers = workers(pending.size());
      runPending(pending, workers, store, writer, finished, cells.size());
      List<CellResult> rows = rows(finished);
      writer.write(rows);
      new RunReport(spec, outputDirectory).write(cells, finished);
      double seconds = (System.nanoTime() - start) / 1e9;
      new Provenance(spec, dataContext).write(outputDirectory.resolve("run.json"), workers,
          cells.size() - pending.size(), pending.size(), rows, seconds);
      return new RunSummary(outputDirectory, rows, seconds);
    }
  }

  /**
   * Loads each dataset of the pending cells once, one at a time, before any cell runs: a missing or
   * malformed file is the user's to fix, so it stops the run at once (exit 2) instead of failing
   * every cell of that dataset after the others have run for hours. Costs one extra load per dataset.
   */
  private void requireLoadable(List<Cell> pending) {
    java.util.Set<String> checked = new java.util.HashSet<>();
    for (Cell cell : pending) {
      if (checked.add(cell.dataset().name())) {
        try {
          cell.dataset().instance().load(dataContext);
        } catch (UserException e) {
          throw new UserException("dataset '" + cell.dataset().name() + "' cannot be loaded, so no cell was run: "
              + e.getMessage(), e);
        }
      }
    }
  }

  private void runPending(List<Cell> pending, int workers, CellStore store, ResultsWriter writer,
      Map<Integer, CellOutcome> finished, int total) {
    if (pending.isEmpty()) {
      return;
    }
    PreparedData data = new PreparedData(spec, dataContext, pending, listener);
    CellEvaluator evaluator = new CellEvaluator(spec, new CellCharts(outputDirectory.resolve("charts"),
        new ChartOutput(spec.options().chartFormat())),
        listener, outputDirectory.resolve("models"), outputDirectory.resolve("points"));
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "ad-cell-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      ExecutorCompletionService<CellOutcome> completion = new ExecutorCompletionService<>(pool);
      Map<java.util.concurrent.Future<CellOutcome>, Cell> cellOf = new java.util.HashMap<>();
      for (Cell cell : pending) {
        cellOf.put(completion.submit(() -> runCell(cell, data, evaluator, total)), cell);
      }
      for (int done = 0; done < pending.size(); done++) {
        var future = completion.take();
        Cell cell = cellOf.get(future);
        CellOutcome outcome = future.get();
        // Stored when the model fitted: a row failed by its thresholder alone fails again the same
        // way, while a cell that failed as a whole (data, model) is retried by the next run.
        if (outcome.rows().stream().anyMatch(r -> !r.failed())) {
          store.save(new StoredCell(cell.id(), outcome.rows(), outcome.curves()));
        }
        finished.put(cell.index(), outcome);
        writer.write(rows(finished));
        for (CellResult row : outcome.rows()) {
          listener.cellFinished(finished.size(), total, row);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted; finished cells are kept in " + outputDirectory);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a cell escaped its error handling", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private CellOutcome runCell(Cell cell, PreparedData data, CellEvaluator evaluator, int total) {
    listener.cellStarted(cell.index() + 1, total, cell.dataset().name(), cell.detector().name(),
        cell.seed());
    try {
      return evaluator.evaluate(cell, data.split(cell.dataset(), cell.seed()));
    } catch (UserException e) {
      return failure(cell, e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      // A bug, a library failure or an oversized model in one cell must not lose the others.
      return failure(cell, "internal error: " + e);
    } finally {
      data.release(cell);
    }
  }

  private CellOutcome failure(Cell cell, String error) {
    List<CellResult> rows = new ArrayList<>();
    for (var rule : spec.thresholders()) {
      Component<?> thresholder = rule.thresholder();
      rows.add(CellResult.failure(spec.name(), cell.dataset().name(), cell.detector().name(),
          cell.detector().type(), cell.seed(), cell.id(), thresholder.name(), error));
    }
    return new CellOutcome(rows, CellCurves.NONE);
  }

  private int workers(int pendingCells) {
    int wanted = settings.workers() > 0 ? settings.workers()
        : spec.workers() > 0 ? spec.workers() : Runtime.getRuntime().availableProcessors();
    return Math.max(1, Math.min(wanted, pendingCells));
  }

  private static List<CellResult> rows(Map<Integer, CellOutcome> finished) {
    List<CellResult> out = new ArrayList<>();
    finished.values().forEach(o -> out.addAll(o.rows()));
    return out;
  }
}

package ad.eval.run;

import ad.core.UserException;
import ad.core.data.DataContext;
import ad.core.data.DataRoot;
import ad.core.data.WrittenFiles;
import ad.eval.cell.CellResult;
import ad.eval.cell.CellSpec;
import ad.eval.cell.LoadedDataset;
import ad.eval.output.CellStore;
import ad.eval.output.ResultsFiles;
import ad.eval.output.RunJson;
import ad.eval.output.RunReport;
import ad.eval.spec.ExperimentSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the cells of an experiment and writes everything under one output folder. Where the cells
 * are evaluated is the {@link CellScheduler}'s business (a pool of threads here by default); the run
 * is the same around any scheduler.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Results do not depend on the number of workers or where cells run: every random choice of a
 *       cell comes from its seed, and rows are written in the fixed cell order (dataset, seed,
 *       detector, thresholder).
 *   <li>Nothing finished is lost: each cell is stored ({@code cells/<id>.json}) and results.csv/json
 *       rewritten atomically as soon as it finishes. A re-run skips stored cells whose hash matches
 *       (so an interrupted run finishes only what is missing); {@code fresh} starts over.
 *   <li>A failing cell is recorded with its error and the others go on; a cell handed back twice (a
 *       retried task) is recorded once.
 *   <li>Two runs cannot write into the same folder at once ({@link RunLock}).
 * </ul>
 */
public final class ExperimentRunner {
  private final ExperimentSpec spec;
  private final DataContext dataContext;
  private final Path outputDirectory;
  private final RunListener listener;
  private final Settings settings;
  private final CellScheduler scheduler;

  /**
   * @param workers cells run at once in this process; 0 = the spec's {@code workers}, else one per core
   * @param fresh forget stored cells and run everything again
   */
  public record Settings(int workers, boolean fresh) {
    public static final Settings DEFAULT = new Settings(0, false);
  }

  /**
   * A run of {@code spec} in this process (from Java), with the defaults of {@code ad run}: relative data
   * paths read from the data root ({@link DataRoot#resolve()}), the spec's {@code workers}, stored cells
   * reused, nothing printed; a data file among the files the run writes is refused.
   */
  public ExperimentRunner(ExperimentSpec spec, Path outputDirectory) {
    this(spec, new DataContext(DataRoot.resolve(), spec.source().toAbsolutePath().getParent(),
        writtenFiles(outputDirectory, "the output folder")), outputDirectory, RunListener.SILENT, Settings.DEFAULT);
  }

  /**
   * What a run writes in {@code outputDirectory} (the README's table lists them), so that no data file
   * or experiment file is read from among them.
   *
   * @param option how the user chose the folder, for messages (e.g. {@code --out})
   */
  public static WrittenFiles writtenFiles(Path outputDirectory, String option) {
    return new WrittenFiles(outputDirectory, List.of("results.csv", "results.json", "run.json", "report.html", ".lock"),
        List.of("cells", "charts", "models", "points"), option);
  }

  /** A run whose cells are evaluated in this process. */
  public ExperimentRunner(ExperimentSpec spec, DataContext dataContext, Path outputDirectory,
      RunListener listener, Settings settings) {
    this(spec, dataContext, outputDirectory, listener, settings,
        new InProcessScheduler(settings.workers() > 0 ? settings.workers() : spec.workers()));
  }

  /** A run whose cells are evaluated by {@code scheduler} ({@link Settings#workers()} is then unused). */
  public ExperimentRunner(ExperimentSpec spec, DataContext dataContext, Path outputDirectory,
      RunListener listener, Settings settings, CellScheduler scheduler) {
    this.spec = spec;
    this.dataContext = dataContext;
    this.outputDirectory = outputDirectory;
    this.listener = new OnceListener(listener);
    this.settings = settings;
    this.scheduler = scheduler;
  }

  public RunSummary run() {
    long start = System.nanoTime();
    try (RunLock lock = RunLock.acquire(outputDirectory)) {
      List<CellSpec> cells = CellPlan.of(spec);
      CellStore store = new CellStore(outputDirectory.resolve("cells"));
      if (settings.fresh()) {
        store.clear();
      }
      Map<Integer, CellResult> finished = new TreeMap<>();
      List<CellSpec> pending = new ArrayList<>();
      for (CellSpec cell : cells) {
        store.load(cell.id()).ifPresentOrElse(c -> finished.put(cell.index(), c), () -> pending.add(cell));
      }
      listener.runStarted(cells.size(), finished.size());
      if (!finished.isEmpty()) {
        listener.warn("resuming: " + finished.size() + " of " + cells.size()
            + " cells are already done (use --fresh to run them again)");
      }
      requireLoadable(pending);
      ResultsFiles results = new ResultsFiles(outputDirectory, spec);
      if (!pending.isEmpty()) {
        Set<Integer> recorded = new HashSet<>();
        scheduler.run(pending, new RunContext(spec, dataContext, outputDirectory, listener), outcome -> {
          if (!recorded.add(outcome.index())) {
            return;
          }
          CellResult cell = outcome.result();
          // Stored when the model fitted: a row failed by its thresholder alone fails again the same
          // way, while a cell that failed as a whole (data, model) is retried by the next run.
          if (cell.hasResults()) {
            store.save(cell);
          }
          finished.put(outcome.index(), cell);
          results.write(List.copyOf(finished.values()));
          outcome.warnings().forEach(listener::warn);
          listener.cellFinished(finished.size(), cells.size(), cell);
        });
      }
      List<CellResult> all = List.copyOf(finished.values());
      results.write(all);
      new RunReport(spec, outputDirectory).write(cells, finished);
      double seconds = (System.nanoTime() - start) / 1e9;
      RunSummary summary = new RunSummary(outputDirectory, all, seconds);
      // Asked after the run: a cluster's task slots are counted as its executors join.
      int workers = scheduler.workers(pending.size());
      new RunJson(spec, dataContext).write(outputDirectory.resolve("run.json"), scheduler.description(), workers,
          cells.size() - pending.size(), pending.size(), summary.results(), seconds);
      return summary;
    }
  }

  /**
   * Loads each dataset of the pending cells once, one at a time, before any cell runs: a missing or
   * malformed file is the user's to fix, so it stops the run at once (exit 2) instead of failing
   * every cell of that dataset after the others have run for hours. Costs one extra load per dataset.
   */
  private void requireLoadable(List<CellSpec> pending) {
    SpecResolver components = new SpecResolver(spec);
    Set<String> checked = new HashSet<>();
    for (CellSpec cell : pending) {
      String name = cell.dataset().name();
      if (checked.add(name)) {
        try {
          LoadedDataset.load(name, components.dataset(name), dataContext);
        } catch (UserException e) {
          throw new UserException("dataset '" + name + "' cannot be loaded, so no cell was run: "
              + e.getMessage(), e);
        }
      }
    }
  }

  /** Passes each distinct warning on once: many cells of a run often have the same thing to say. */
  private static final class OnceListener implements RunListener {
    private final RunListener listener;
    private final Set<String> said = new HashSet<>();

    OnceListener(RunListener listener) {
      this.listener = listener;
    }

    @Override
    public void runStarted(int total, int done) {
      listener.runStarted(total, done);
    }

    @Override
    public void cellStarted(int index, int total, String dataset, String detector, long seed) {
      listener.cellStarted(index, total, dataset, detector, seed);
    }

    @Override
    public void cellFinished(int done, int total, CellResult cell) {
      listener.cellFinished(done, total, cell);
    }

    @Override
    public void warn(String message) {
      boolean first;
      synchronized (said) {
        first = said.add(message);
      }
      if (first) {
        listener.warn(message);
      }
    }
  }
}

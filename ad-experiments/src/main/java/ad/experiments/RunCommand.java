package ad.experiments;

import ad.core.UserException;
import ad.core.data.DataContext;
import ad.core.data.DataRoot;
import ad.core.data.WrittenFiles;
import ad.core.registry.Registry;
import ad.eval.run.ExperimentRunner;
import ad.eval.run.RunListener;
import ad.eval.run.RunSummary;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs an experiment and writes its results and charts. The cells run in this process; a subclass
 * may run them elsewhere ({@link #run}), as {@code ad run --spark} does.
 */
@Command(name = "run", description = "Run an experiment file; write results.csv, results.json, run.json "
    + "and charts. Re-running resumes: finished cells are kept.")
public class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the experiment YAML file")
  Path file;

  @Option(names = "--out", paramLabel = "DIR",
      description = "output folder (default: out/<experiment name>)")
  Path out;

  @Option(names = "--data-root", paramLabel = "DIR",
      description = "the shared data folder (default: $AD_DATA_DIR, else ../shared/data beside the repository)")
  Path dataRoot;

  @Option(names = "--workers", paramLabel = "N",
      description = "cells to run at once (default: the spec's 'workers', else one per core)")
  protected int workers;

  @Option(names = "--fresh", description = "forget finished cells and run everything again")
  protected boolean fresh;

  @Option(names = "--spark", paramLabel = "MASTER", description = "run each cell as a task on Apache Spark "
      + "(local[N], spark://HOST:PORT); the results are those of a run in one process. The ad launcher runs the "
      + "ad-spark module for it (see README, Running on a cluster)")
  protected String spark;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    if (workers < 0) {
      throw new UserException("--workers must be >= 1, got " + workers);
    }
    ExperimentSpec spec = new SpecReader(Registry.load()).read(file);
    Path outputDir = out != null ? out : Path.of("out", spec.name());
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw new UserException("output folder " + outputDir + " exists and is not a folder");
    }
    Path root = dataRoot != null ? dataRoot.toAbsolutePath().normalize() : DataRoot.resolve();
    Path specDir = file.toAbsolutePath().getParent();
    WrittenFiles written = written(outputDir);
    written.refuseToRead(file, "the experiment file " + file);
    stderr.printf("ad run: %s (%s) -> %s%n", spec.name(), Describe.cells(spec), outputDir);
    stderr.flush();
    RunSummary summary;
    try (ConsoleProgress progress = ConsoleProgress.create(stderr, spec.cellCount());
        InterruptNotice notice = InterruptNotice.install(progress, stderr, outputDir.toString(),
            resumeCommand(outputDir))) {
      summary = run(spec, new DataContext(root, specDir, written), outputDir, notice);
    }
    stdout.print(ResultsTable.format(summary.results()));
    stdout.printf(Locale.ROOT, "%nwrote %s in %.1f s: open report.html in a browser; results.csv, results.json, run.json, charts/%n",
        outputDir, summary.wallSeconds());
    stdout.flush();
    if (summary.failedCount() > 0) {
      stderr.printf("%d of %d result rows failed; their errors are in the 'error' column of "
          + "results.csv%n", summary.failedCount(), summary.results().size());
      stderr.flush();
      return 1;
    }
    return 0;
  }

  /** The command that resumes this run (never with --fresh, which would start it over). */
  private String resumeCommand(Path outputDir) {
    return "./ad run " + file + " --out " + outputDir + (dataRoot != null ? " --data-root " + dataRoot : "")
        + (spark != null ? " --spark " + spark : "") + (fresh ? " (without --fresh, which would start over)" : "");
  }

  /** Runs the experiment's cells and writes its files; here on a pool of {@code --workers} threads. */
  protected RunSummary run(ExperimentSpec spec, DataContext data, Path outputDir, RunListener progress) {
    if (spark != null) {
      throw new UserException("--spark is run by the ad-spark module: use the ad launcher (./ad run ... --spark "
          + spark + "), or spark-submit ad-spark's jar with main class ad.spark.SparkMain");
    }
    return new ExperimentRunner(spec, data, outputDir, progress, new ExperimentRunner.Settings(workers, fresh)).run();
  }

  /**
   * What a run writes in its output folder (see the README's table; a test checks this list against
   * a run that writes everything), so that no data file or experiment file is among them.
   */
  static WrittenFiles written(Path outputDir) {
    return ExperimentRunner.writtenFiles(outputDir, "--out");
  }
}

package ad.experiments;

import ad.core.UserException;
import ad.core.data.DataContext;
import ad.core.data.DataRoot;
import ad.core.registry.Registry;
import ad.eval.run.CellResult;
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

/** Runs an experiment and writes its results and charts. */
@Command(name = "run", description = "Run an experiment file; write results.csv, results.json and charts.")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the experiment YAML file")
  Path file;

  @Option(names = "--out", paramLabel = "DIR",
      description = "output folder (default: out/<experiment name>)")
  Path out;

  @Option(names = "--data-root", paramLabel = "DIR",
      description = "the shared data folder (default: $AD_DATA_DIR, else ../shared/data beside the repository)")
  Path dataRoot;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    ExperimentSpec spec = new SpecReader(Registry.load()).read(file);
    Path outputDir = out != null ? out : Path.of("out", spec.name());
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw new UserException("output folder " + outputDir + " exists and is not a folder");
    }
    Path root = dataRoot != null ? dataRoot.toAbsolutePath().normalize() : DataRoot.resolve();
    Path specDir = file.toAbsolutePath().getParent();
    stderr.printf("ad run: %s (%s) -> %s%n", spec.name(), Describe.cells(spec), outputDir);
    stderr.flush();
    RunSummary summary = new ExperimentRunner(spec, new DataContext(root, specDir), outputDir,
        new ConsoleListener(stderr)).run();
    stdout.print(ResultsTable.format(summary.results()));
    stdout.printf(Locale.ROOT, "%nwrote %s (results.csv, results.json, charts/) in %.1f s%n",
        outputDir, summary.wallSeconds());
    stdout.flush();
    if (summary.failedCount() > 0) {
      stderr.printf("%d of %d cells failed; their errors are in the 'error' column of results.csv%n",
          summary.failedCount(), summary.results().size());
      stderr.flush();
      return 1;
    }
    return 0;
  }

  /** One line per finished cell on stderr, so that stdout keeps only the results table. */
  private record ConsoleListener(PrintWriter err) implements RunListener {
    @Override
    public void cellFinished(int index, int total, CellResult r) {
      if (r.failed()) {
        err.printf("[%d/%d] %s / %s / seed %d: FAILED: %s%n", index, total, r.dataset(), r.detector(),
            r.seed(), r.error());
      } else {
        err.printf(Locale.ROOT, "[%d/%d] %s / %s / seed %d: roc_auc %.4f, f1 %.4f (fit %.1f s)%n", index,
            total, r.dataset(), r.detector(), r.seed(), r.rocAuc(), r.f1(), r.fitSeconds());
      }
      err.flush();
    }

    @Override
    public void warn(String message) {
      err.println("warning: " + message);
      err.flush();
    }
  }
}

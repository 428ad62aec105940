package ad.spark;

import ad.core.UserException;
import ad.core.data.DataContext;
import ad.eval.run.ExperimentRunner;
import ad.eval.run.RunListener;
import ad.eval.run.RunSummary;
import ad.eval.spec.ExperimentSpec;
import ad.experiments.RunCommand;
import ad.spark.grid.SparkScheduler;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

/**
 * {@code ad run FILE --spark MASTER}: {@code ad run}, with each cell run as a Spark task. The driver
 * (this process) reads the data, writes every file and resumes as {@code ad run} does; the results
 * are those of a run in one process.
 */
@Command(name = "run", description = "Run an experiment file on Spark, each cell a Spark task; write "
    + "results.csv, results.json, run.json, charts and report.html as 'ad run' does. Re-running resumes: "
    + "finished cells are kept.")
public final class SparkRunCommand extends RunCommand {
  @Override
  protected RunSummary run(ExperimentSpec spec, DataContext data, Path outputDir, RunListener progress) {
    if (workers > 0) {
      throw new UserException("--workers sets how many cells run at once in one process; on Spark every task "
          + "slot runs a cell (local[N], or the executors' cores): leave --workers out");
    }
    // --spark (declared by ad run) names the master; without it, the one spark-submit set.
    SparkSession session = Sessions.start(spark, "ad run " + spec.name());
    try {
      return new ExperimentRunner(spec, data, outputDir, progress, new ExperimentRunner.Settings(0, fresh),
          new SparkScheduler(session)).run();
    } finally {
      session.stop();
    }
  }
}

package ad.spark;

import ad.eval.pipeline.Pipeline;
import ad.spark.score.ScoreJob;
import ad.spark.score.ScoringOptions;
import ad.spark.score.TableInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ad score --spark MASTER}: scores a table of any size on Spark, Parquet out. */
@Command(name = "score", description = "Score a table (CSV, gzip CSV or Parquet; a file or a folder of parts; any "
    + "Hadoop URI) with a saved model file on Spark, in parallel over its partitions; writes a Parquet folder with "
    + "the row id, score, anomalous, unseen_categories (categorical models) and top-k columns.")
final class SparkScoreCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file saved by a run "
      + "with 'save_models: true' (models/*.adp), on the driver's file system")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "URI", description = "the table: a CSV (with a header), "
      + ".csv.gz or Parquet file, or a folder of part files; a path or a Hadoop URI (file://, hdfs://, ...) that "
      + "every executor can read")
  String input;

  @Option(names = "--input-format", paramLabel = "FORMAT", description = "csv or parquet (default: from the "
      + "file names)")
  String inputFormat;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the output Parquet folder (must "
      + "not exist; written to a hidden folder beside it and renamed when complete)")
  String out;

  @Option(names = "--spark", paramLabel = "MASTER", description = "where to run: local[N], local[*], "
      + "spark://HOST:PORT, ... (default: the master spark-submit sets)")
  String master;

  @Option(names = "--id-column", paramLabel = "NAME", description = "input column that identifies each row "
      + "(default: the 1-based row number, which costs one extra pass over the input)")
  String idColumn;

  @Option(names = "--threshold", paramLabel = "NAME", description = "which saved threshold decides 'anomalous' "
      + "(default: the first)")
  String threshold;

  @Option(names = "--top-k", defaultValue = "" + ScoringOptions.DEFAULT_TOP_K, paramLabel = "K",
      description = "features with the largest errors to list per row (default: ${DEFAULT-VALUE})")
  int topK;

  @Option(names = "--batch", defaultValue = "" + ScoringOptions.DEFAULT_BATCH, paramLabel = "ROWS",
      description = "rows a task scores at once (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--partitions", paramLabel = "N", description = "spread the scoring over N tasks (a shuffle; "
      + "for inputs in fewer partitions than cores, such as one gzip file)")
  Integer partitions;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter err = command.commandLine().getErr();
    ScoreJob.Request request = new ScoreJob.Request(model, input,
        inputFormat == null ? null : TableInput.Format.parse(inputFormat), out, idColumn,
        new ScoringOptions(threshold, topK, batch), partitions);
    Pipeline pipeline = ScoreJob.checkModel(request);
    SparkSession spark = Sessions.start(master, "ad score " + model.getFileName());
    try {
      ScoreJob.Summary s = ScoreJob.run(spark, request, pipeline, note -> {
        err.println("note: " + note);
        err.flush();
      });
      err.printf(Locale.ROOT, "scored %d rows (%d flagged by %s%s) in %.1f s: %.0f rows/s; %s (%d Parquet file%s)%n",
          s.rows(), s.flagged(), s.rule(), s.rowsWithUnseen() > 0 ? "; " + s.rowsWithUnseen()
              + " with a category unseen in training, encoded as all zeros" : "", s.seconds(), s.rowsPerSecond(),
          out, s.files(), s.files() == 1 ? "" : "s");
      err.flush();
      return 0;
    } finally {
      spark.stop();
    }
  }
}

package ad.experiments;

import ad.core.data.IdxImageReader;
import ad.core.data.csv.CsvReader;
import ad.core.registry.Registry;
import ad.eval.io.AtomicFiles;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineFile;
import ad.eval.pipeline.SeriesScorer;
import ad.eval.pipeline.StreamingScorer;
import ad.core.UserException;
import java.util.ArrayList;
import java.util.List;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores new rows, images or series points with a saved pipeline, streaming. */
@Command(name = "score", description = "Score new rows (CSV, gzip CSV, or IDX images) with a saved model file, or "
    + "the points of a series file with a saved series model; streams in batches, so memory stays bounded for "
    + "any file size.")
final class ScoreCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file saved by a run "
      + "with 'save_models: true' (models/*.adp)")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "DATA", description = "rows to score: CSV or .csv.gz "
      + "with a header naming the model's feature columns, numeric and categorical, as in training (other "
      + "columns, such as the label, are ignored), or an IDX image file (plain or gzip) of the model's image size; "
      + "for a series model, one series file (CSV or .csv.gz, rows in time order) with the model's channel columns; "
      + "'-' (or a pipe) reads standard input")
  Path input;

  @Option(names = "--out", paramLabel = "FILE", description = "output CSV, written when complete; never the input "
      + "or the model file (default, or '-': standard output)")
  Path out;

  @Option(names = "--id-column", paramLabel = "NAME", description = "input column that identifies each row, "
      + "e.g. timestamp (default: the 1-based row number)")
  String idColumn;

  @Option(names = "--threshold", paramLabel = "NAME", description = "which saved threshold decides 'anomalous' "
      + "(default: the first)")
  String threshold;

  @Option(names = "--top-k", defaultValue = "" + StreamingScorer.DEFAULT_TOP_K, paramLabel = "K",
      description = "features with the largest errors to list per row (default: ${DEFAULT-VALUE})")
  int topK;

  @Option(names = "--batch", defaultValue = "" + StreamingScorer.DEFAULT_BATCH, paramLabel = "ROWS",
      description = "rows (for a series model: windows) scored at once (default: ${DEFAULT-VALUE})")
  int batch;

  /** Declared for --help and for a clear message: the ad launcher runs ad-spark's score command for it. */
  @Option(names = "--spark", paramLabel = "MASTER", description = "score on Apache Spark instead (local[N], "
      + "spark://HOST:PORT): any table size, CSV or Parquet in, a Parquet folder out; the ad launcher runs the "
      + "ad-spark module for it (see README, Running on a cluster)")
  String spark;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() throws IOException {
    if (spark != null) {
      throw new UserException("--spark is run by the ad-spark module: use the ad launcher (./ad score ... --spark "
          + spark + "), or spark-submit ad-spark's jar with main class ad.spark.SparkMain");
    }
    PrintWriter stderr = command.commandLine().getErr();
    Path output = out == null || ScoreInput.isStdin(out) ? null : out;
    ScoreFiles.requireDistinct(model, input, output);
    Pipeline pipeline = PipelineFile.read(model, Registry.load());
    try (ScoreInput source = ScoreInput.open(input)) {
      return pipeline.isSeries() ? scoreSeries(pipeline, source, output, stderr)
          : scoreRows(pipeline, source, output, stderr);
    }
  }

  /** Scores rows (CSV) or images (IDX), one output line each. */
  private Integer scoreRows(Pipeline pipeline, ScoreInput source, Path output, PrintWriter stderr) {
    StreamingScorer scorer = new StreamingScorer(pipeline, threshold, batch, topK);
    StreamingScorer.Summary summary;
    try (ProgressBar bar = progressBar("rows", output)) {
      LongConsumer progress = bar == null ? rows -> { } : bar::stepTo;
      Output<StreamingScorer.Summary> scoring = writer -> score(scorer, source, writer, progress);
      summary = output == null ? toStdout(scoring) : toFile(scoring, output);
    }
    stderr.printf(Locale.ROOT, "scored %d rows (%d flagged by %s) in %.1f s: %.0f rows/s%s%n", summary.rows(),
        summary.flagged(), pipeline.threshold(threshold).threshold().rule(), summary.seconds(),
        summary.rowsPerSecond(), unseen(summary));
    stderr.flush();
    return 0;
  }

  /** Scores the points of one series file: windows as the run cut them, point scores, one line per point. */
  private Integer scoreSeries(Pipeline pipeline, ScoreInput source, Path output, PrintWriter stderr) {
    if (source.isImages()) {
      throw new UserException(model + " is a series model: it scores the rows of a series CSV file, and "
          + source.displayName() + " holds IDX images");
    }
    SeriesScorer scorer = new SeriesScorer(pipeline, threshold, batch, topK);
    SeriesScorer.Summary summary;
    try (ProgressBar bar = progressBar("points", output)) {
      LongConsumer progress = bar == null ? points -> { } : bar::stepTo;
      Output<SeriesScorer.Summary> scoring = writer -> {
        try (CsvReader reader = source.csv()) {
          return scorer.score(reader, idColumn, writer, progress);
        }
      };
      summary = output == null ? toStdout(scoring) : toFile(scoring, output);
    }
    stderr.printf(Locale.ROOT, "scored %d points (%d windows of %d, point scores: %s of covering windows; %d flagged "
        + "by %s) in %.1f s: %.0f points/s%s%n", summary.points(), summary.windows(), pipeline.windowing().window(),
        pipeline.windowing().aggregation().name().toLowerCase(Locale.ROOT), summary.flagged(),
        pipeline.threshold(threshold).threshold().rule(), summary.seconds(), summary.pointsPerSecond(),
        summary.uncovered() == 0 ? "" : "; " + summary.uncovered() + " points lie between windows (stride "
            + pipeline.windowing().stride() + " > window) and have no score");
    stderr.flush();
    return 0;
  }

  /** Writes a scorer's output to a writer. */
  private interface Output<T> {
    T writeTo(Writer writer) throws IOException;
  }

  private static ProgressBar progressBar(String unit, Path output) {
    return System.console() != null && output != null ? new ProgressBarBuilder().setTaskName(unit).setInitialMax(-1)
        .showSpeed().setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
  }

  private <T> T toStdout(Output<T> output) {
    Writer writer = new BufferedWriter(command.commandLine().getOut(), 1 << 16);
    try {
      T result = output.writeTo(writer);
      writer.flush();
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Written to a temporary file and renamed when complete: a failed or interrupted scoring leaves no
   * partial output (see {@link AtomicFiles} for Ctrl-C).
   */
  private static <T> T toFile(Output<T> output, Path file) {
    List<T> result = new ArrayList<>(1);
    AtomicFiles.write(file, stream -> {
      Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
      result.add(output.writeTo(writer));
      writer.flush();
    });
    return result.get(0);
  }

  /** "; rows with categories unseen in training: ..." per categorical column, or nothing without any. */
  private static String unseen(StreamingScorer.Summary summary) {
    if (summary.unseen().isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("; rows with a category unseen in training (encoded as all zeros): ");
    summary.unseen().forEach((column, rows) -> s.append(column).append(' ').append(rows).append(", "));
    return s.substring(0, s.length() - 2);
  }

  /** IDX images when the input starts with their magic number (after gzip), else CSV. */
  private StreamingScorer.Summary score(StreamingScorer scorer, ScoreInput source, Writer writer,
      LongConsumer progress) throws IOException {
    if (source.isImages()) {
      try (IdxImageReader images = source.images()) {
        return scorer.score(images, source.displayName(), writer, progress);
      }
    }
    try (CsvReader reader = source.csv()) {
      return scorer.score(reader, idColumn, writer, progress);
    }
  }
}

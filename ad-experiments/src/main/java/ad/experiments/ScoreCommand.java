package ad.experiments;

import ad.core.data.IdxImageReader;
import ad.core.registry.Registry;
import ad.eval.io.AtomicFiles;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineFile;
import ad.eval.pipeline.StreamingScorer;
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

/** Scores new rows with a saved pipeline, streaming. */
@Command(name = "score", description = "Score new rows (CSV, gzip CSV, or IDX images) with a saved model file; streams "
    + "in batches, so memory stays bounded for any file size.")
final class ScoreCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file saved by a run "
      + "with 'save_models: true' (models/*.adp)")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "DATA", description = "rows to score: CSV or .csv.gz "
      + "with a header naming the model's feature columns, numeric and categorical, as in training (other "
      + "columns, such as the label, are ignored), or an IDX image file (plain or gzip) of the model's image size")
  Path input;

  @Option(names = "--out", paramLabel = "FILE", description = "output CSV (default: standard output)")
  Path out;

  @Option(names = "--id-column", paramLabel = "NAME", description = "input column that identifies each row "
      + "(default: the 1-based row number)")
  String idColumn;

  @Option(names = "--threshold", paramLabel = "NAME", description = "which saved threshold decides 'anomalous' "
      + "(default: the first)")
  String threshold;

  @Option(names = "--top-k", defaultValue = "3", paramLabel = "K",
      description = "features with the largest errors to list per row (default: ${DEFAULT-VALUE})")
  int topK;

  @Option(names = "--batch", defaultValue = "8192", paramLabel = "ROWS",
      description = "rows scored at once (default: ${DEFAULT-VALUE})")
  int batch;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() throws IOException {
    PrintWriter stderr = command.commandLine().getErr();
    Pipeline pipeline = PipelineFile.read(model, Registry.load());
    StreamingScorer scorer = new StreamingScorer(pipeline, threshold, batch, topK);
    StreamingScorer.Summary summary;
    try (ProgressBar bar = System.console() != null && out != null ? new ProgressBarBuilder()
        .setTaskName("rows").setInitialMax(-1).showSpeed()
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null) {
      LongConsumer progress = bar == null ? rows -> { } : bar::stepTo;
      summary = out == null ? scoreTo(new BufferedWriter(command.commandLine().getOut(), 1 << 16), scorer, progress)
          : scoreToFile(scorer, progress);
    }
    stderr.printf(Locale.ROOT, "scored %d rows (%d flagged by %s) in %.1f s: %.0f rows/s%s%n", summary.rows(),
        summary.flagged(), pipeline.threshold(threshold).threshold().rule(), summary.seconds(),
        summary.rowsPerSecond(), unseen(summary));
    stderr.flush();
    return 0;
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

  private StreamingScorer.Summary scoreToFile(StreamingScorer scorer, LongConsumer progress) {
    StreamingScorer.Summary[] result = new StreamingScorer.Summary[1];
    // Written to a temporary file and renamed when complete: a failed run leaves no partial output.
    AtomicFiles.write(out, stream -> {
      Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
      result[0] = score(scorer, writer, progress);
      writer.flush();
    });
    return result[0];
  }

  private StreamingScorer.Summary scoreTo(Writer writer, StreamingScorer scorer, LongConsumer progress) {
    try {
      StreamingScorer.Summary s = score(scorer, writer, progress);
      writer.flush();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** IDX images when the input starts with their magic number (after gzip), else CSV. */
  private StreamingScorer.Summary score(StreamingScorer scorer, Writer writer, LongConsumer progress)
      throws IOException {
    if (IdxImageReader.isImageFile(input)) {
      try (IdxImageReader images = IdxImageReader.open(input, input.toString())) {
        return scorer.score(images, input.toString(), writer, progress);
      }
    }
    return scorer.score(input, input.toString(), idColumn, writer, progress);
  }
}

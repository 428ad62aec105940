package ad.eval.pipeline;

import ad.core.Abbreviated;
import ad.core.Dataset;
import ad.core.FeatureErrors;
import ad.core.Threshold;
import ad.core.UserException;
import ad.core.data.csv.CsvReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Scores a raw series file (CSV or gzip CSV, rows in time order) with a series pipeline, as the run
 * scored its series: the channels are read by their header names, every window the run's source would
 * have cut from the file is scaled and scored, and each point gets the saved aggregation of the scores
 * of the windows covering it, then the saved threshold.
 *
 * <p>Streaming: a batch of windows is scored at a time (in the run's {@linkplain WindowChunks
 * chunks}, so that the window scores are the run's bit for bit), and points are written as soon as no
 * later window can cover them, so what is held is the last {@code window} rows, one batch of windows
 * and the points they span, whatever the length of the file.
 *
 * <p>Output: one CSV line per point (row) of the file: its id (the value of {@code idColumn}, or its
 * 1-based data row number), its score, whether the threshold flags it ({@code 1}/{@code 0}), and when
 * the model can explain its scores, the {@code topK} channels with the largest errors at that point:
 * each channel's squared reconstruction error at the point's position in every window covering it,
 * combined over those windows by the saved aggregation (mean, max or min), as the score is. Points that
 * no window covers (only when the stride is longer than the window) have empty fields.
 *
 * <p>Not thread-safe: one scorer per output.
 */
public final class SeriesScorer {
  /** The most values a batch of windows may hold (16 MB of floats): long windows get smaller batches. */
  static final int MAX_BATCH_VALUES = 1 << 22;
  private final Pipeline pipeline;
  private final Windowing windowing;
  private final Threshold threshold;
  private final int batchWindows;
  private final int topK;

  /**
   * How a scoring run went.
   *
   * @param points the rows of the file, each written as one output line
   * @param windows the windows scored
   * @param uncovered points no window covers (stride longer than the window): no score
   */
  public record Summary(long points, long windows, long flagged, long uncovered, double seconds) {
    public double pointsPerSecond() {
      return seconds > 0 ? points / seconds : Double.NaN;
    }
  }

  /**
   * @param batchWindows windows scored at once, rounded to whole {@linkplain WindowChunks chunks} (the
   *     run's), at least one, and capped so that a batch holds at most {@link #MAX_BATCH_VALUES} values
   *     when a chunk fits
   */
  public SeriesScorer(Pipeline pipeline, String thresholdName, int batchWindows, int topK) {
    if (!pipeline.isSeries()) {
      throw new IllegalArgumentException("not a series pipeline: score its rows with StreamingScorer");
    }
    if (batchWindows < 1 || topK < 0) {
      throw new UserException("batch size must be >= 1 and top-k >= 0, got " + batchWindows + " and " + topK);
    }
    this.pipeline = pipeline;
    this.windowing = pipeline.windowing();
    this.threshold = pipeline.threshold(thresholdName).threshold();
    int chunks = Math.min(batchWindows / WindowChunks.SIZE,
        MAX_BATCH_VALUES / (WindowChunks.SIZE * pipeline.featureNames().size()));
    this.batchWindows = Math.max(1, chunks) * WindowChunks.SIZE;
    this.topK = Math.min(topK, pipeline.inputs().numeric().size());
  }

  /**
   * @param idColumn the column that identifies points in the output (e.g. the timestamp), or null for
   *     row numbers
   * @param progress told the number of points written so far after each batch
   * @throws UserException naming the file and the column when the header lacks a channel, or when the
   *     file has fewer rows than one window
   */
  public Summary score(Path input, String displayName, String idColumn, Writer out, LongConsumer progress)
      throws IOException {
    try (CsvReader reader = CsvReader.open(input, displayName)) {
      return score(reader, idColumn, out, progress);
    }
  }

  /** Scores the points {@code reader} has left (a file, standard input or a pipe, read once); see above. */
  public Summary score(CsvReader reader, String idColumn, Writer out, LongConsumer progress) throws IOException {
    long start = System.nanoTime();
    String displayName = reader.displayName();
    List<String> channels = pipeline.inputs().numeric();
    int channelCount = channels.size();
    int window = windowing.window();
    int[] fieldOf = new int[channelCount];
    for (int c = 0; c < channelCount; c++) {
      fieldOf[c] = requireChannel(reader, displayName, channels.get(c));
    }
    int idField = StreamingScorer.idField(reader, idColumn);
    Run run = new Run(idColumn, out, progress);
    // The last `window` rows, row r at slot r % window: every window ends at the row just read,
    // or (the last one) at the last row of the file.
    float[] recent = new float[window * channelCount];
    long rows = 0;
    while (reader.next()) {
      reader.requireHeaderWidth();
      int at = (int) (rows % window) * channelCount;
      for (int c = 0; c < channelCount; c++) {
        recent[at + c] = reader.number(fieldOf[c]);
      }
      if (idField >= 0) {
        run.ids.add(reader.text(idField));
      }
      rows++;
      if (windowing.regularWindowEndsAt(rows - 1)) {
        run.addWindow(recent, rows - window);
        if (run.batched == batchWindows) {
          run.flush();
          // No later window starts at or before point rows - window - 1 (the extra last one starts
          // at length - window >= rows - window), so every point before it has all its scores.
          run.drain(rows - window);
        }
      }
    }
    if (rows == 0) {
      throw new UserException(displayName + " has a header but no rows to score");
    }
    if (rows < window) {
      throw new UserException(displayName + ": " + rows + " rows, fewer than one window of " + window
          + ": the model scores windows of " + window + " consecutive rows, so no point can be scored");
    }
    long tail = windowing.tailStart(rows);
    if (tail >= 0) {
      run.addWindow(recent, tail);
    }
    run.flush();
    run.drain(rows);
    return new Summary(rows, run.windows, run.flagged, run.uncovered, (System.nanoTime() - start) / 1e9);
  }

  /** The index of channel {@code column} in the header; a missing one is named with the file and the channels. */
  private int requireChannel(CsvReader reader, String displayName, String column) {
    int field = reader.column(column);
    if (field >= 0) {
      return field;
    }
    List<String> channels = pipeline.inputs().numeric();
    throw new UserException(displayName + ": the model needs channel column '" + column
        + "', which the header lacks: the model reads windows of " + windowing.window() + " rows of "
        + channels.size() + " channels (" + Abbreviated.join(channels) + "); the input has " + reader.header().size()
        + " columns: " + Abbreviated.join(reader.header()));
  }

  /** One scoring of one file: the pending batch of windows, the points in flight and the output. */
  private final class Run implements PointAccumulator.Sink {
    /** The ids of the points read and not yet written, when they come from a column. */
    final ArrayDeque<String> ids = new ArrayDeque<>();
    final float[] batch;
    final long[] starts = new long[batchWindows];
    final String idColumn;
    final Writer out;
    final LongConsumer progress;
    final StringBuilder line = new StringBuilder(128);
    final int[] top = new int[topK];
    int batched;
    long windows;
    long flagged;
    long uncovered;
    long written;
    /**
     * Made with the first batch, when it is known whether the model explains its scores (and so
     * whether per-channel errors are kept and written).
     */
    PointAccumulator points;
    boolean explains;

    Run(String idColumn, Writer out, LongConsumer progress) {
      this.batch = new float[batchWindows * pipeline.featureNames().size()];
      this.idColumn = idColumn;
      this.out = out;
      this.progress = progress;
    }

    /** Queues the window starting at point {@code start}, copied from the ring of recent rows. */
    void addWindow(float[] recent, long start) {
      int window = windowing.window();
      int width = recent.length / window;
      int to = batched * recent.length;
      for (int k = 0; k < window; k++) {
        System.arraycopy(recent, (int) ((start + k) % window) * width, batch, to + k * width, width);
      }
      starts[batched++] = start;
    }

    /**
     * Scores the queued windows and adds their scores to the points they cover. Every batch but the
     * last is whole chunks, so the chunks are the run's.
     */
    void flush() throws IOException {
      if (batched == 0) {
        return;
      }
      int n = batched;
      int width = pipeline.featureNames().size();
      Dataset raw = Dataset.of("windows", n, width, Arrays.copyOf(batch, n * width), pipeline.featureNames(), null);
      Pipeline.Prepared prepared = pipeline.prepare(raw);
      double[] scores = WindowChunks.score(pipeline.model(), prepared.features());
      Optional<FeatureErrors> errors = topK > 0 ? pipeline.model().explain(prepared.features()) : Optional.empty();
      if (points == null) {
        explains = errors.isPresent();
        points = new PointAccumulator(windowing.aggregation(), explains ? pipeline.inputs().numeric().size() : 0);
        out.write(header());
      }
      for (int i = 0; i < n; i++) {
        points.add(starts[i], windowing.window(), scores[i], errors.orElse(null), i);
      }
      windows += n;
      batched = 0;
    }

    /** Writes every point before {@code upTo}. */
    void drain(long upTo) throws IOException {
      points.drain(upTo, this);
      progress.accept(written);
    }

    @Override
    public void point(long point, int covering, double score, double[] channelErrors) throws IOException {
      line.setLength(0);
      line.append(idColumn != null ? ids.poll() : Long.toString(point + 1)).append(',');
      boolean withErrors = channelErrors != null;
      if (covering == 0) {
        uncovered++;
        line.append(',');
        for (int k = 0; withErrors && k < topK; k++) {
          line.append(",,");
        }
      } else {
        boolean anomalous = threshold.isAnomalous(score);
        flagged += anomalous ? 1 : 0;
        line.append(score).append(',').append(anomalous ? '1' : '0');
        if (withErrors) {
          TopK.largest(channelErrors.length, c -> channelErrors[c], top);
          for (int c : top) {
            line.append(',').append(pipeline.inputs().numeric().get(c)).append(',').append(channelErrors[c]);
          }
        }
      }
      out.append(line.append('\n'));
      written++;
    }

    private String header() {
      StringBuilder h = new StringBuilder(idColumn != null ? idColumn : "row").append(",score,anomalous");
      for (int k = 1; explains && k <= topK; k++) {
        h.append(",top").append(k).append("_channel,top").append(k).append("_error");
      }
      return h.append('\n').toString();
    }
  }
}

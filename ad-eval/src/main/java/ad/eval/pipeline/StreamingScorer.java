package ad.eval.pipeline;

import ad.core.Dataset;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.Threshold;
import ad.core.UserException;
import ad.core.data.IdxImageReader;
import ad.core.data.csv.CsvReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Scores a CSV file of new rows (or an IDX file of images) with a fitted pipeline, a batch at a time, so that memory stays
 * bounded whatever the size of the file.
 *
 * <p>Not thread-safe: one scorer per output. Output: one CSV line per input row: the row's id (the value of {@code idColumn}, or its 1-based
 * data row number), its score, whether it is flagged ({@code 1}/{@code 0}) by the chosen threshold,
 * and the {@code topK} features with the largest errors behind the score (name and error), when the
 * model can explain its scores.
 */
public final class StreamingScorer {
  private final Pipeline pipeline;
  private final Threshold threshold;
  private final int batchRows;
  private final int topK;
  private String idHeader;
  private boolean headerWritten;

  /** How a scoring run went. */
  public record Summary(long rows, long flagged, double seconds) {
    public double rowsPerSecond() {
      return seconds > 0 ? rows / seconds : Double.NaN;
    }
  }

  public StreamingScorer(Pipeline pipeline, String thresholdName, int batchRows, int topK) {
    if (batchRows < 1 || topK < 0) {
      throw new UserException("batch size must be >= 1 and top-k >= 0, got " + batchRows + " and " + topK);
    }
    this.pipeline = pipeline;
    this.threshold = pipeline.threshold(thresholdName).threshold();
    this.batchRows = batchRows;
    this.topK = Math.min(topK, pipeline.featureNames().size());
  }

  /**
   * @param idColumn the column that identifies rows in the output, or null for row numbers
   * @param progress told the number of rows scored so far after each batch
   */
  public Summary score(Path input, String displayName, String idColumn, Writer out, LongConsumer progress)
      throws IOException {
    long start = System.nanoTime();
    List<String> features = pipeline.featureNames();
    int columns = features.size();
    try (CsvReader reader = CsvReader.open(input, displayName)) {
      int[] fieldOf = new int[columns];
      for (int j = 0; j < columns; j++) {
        fieldOf[j] = reader.column(features.get(j));
        if (fieldOf[j] < 0) {
          throw new UserException(displayName + ": the model needs column '" + features.get(j)
              + "', which the header lacks: the model reads " + columns + " features of sample shape "
              + java.util.Arrays.toString(pipeline.sampleShape()) + " (" + abbreviate(features)
              + "); the input has " + reader.header().size() + " columns: " + abbreviate(reader.header()));
        }
      }
      int idField = -1;
      if (idColumn != null) {
        idField = reader.column(idColumn);
        if (idField < 0) {
          throw new UserException(displayName + ": no column '" + idColumn + "' for --id-column");
        }
      }
      this.idHeader = idColumn != null ? idColumn : "row";
      this.headerWritten = false;
      float[] values = new float[batchRows * columns];
      String[] ids = new String[batchRows];
      long rows = 0;
      long flagged = 0;
      int n = 0;
      while (reader.next()) {
        reader.requireHeaderWidth();
        for (int j = 0; j < columns; j++) {
          values[n * columns + j] = reader.number(fieldOf[j]);
        }
        ids[n] = idField >= 0 ? reader.text(idField) : Long.toString(rows + n + 1);
        if (++n == batchRows) {
          flagged += writeBatch(values, ids, n, out);
          rows += n;
          n = 0;
          progress.accept(rows);
        }
      }
      if (n > 0) {
        flagged += writeBatch(values, ids, n, out);
        rows += n;
        progress.accept(rows);
      }
      if (rows == 0) {
        throw new UserException(displayName + " has a header but no rows to score");
      }
      return new Summary(rows, flagged, (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * Scores the images of an IDX file, {@code batchRows} at a time; rows are the 1-based image indices
   * and top-k features the model's pixel names.
   *
   * @throws UserException when the images are not of the model's sample shape
   */
  public Summary score(IdxImageReader images, String displayName, Writer out, LongConsumer progress)
      throws IOException {
    long start = System.nanoTime();
    int[] shape = pipeline.sampleShape();
    boolean matches = shape.length >= 2 && shape[0] == images.height() && shape[1] == images.width()
        && (shape.length == 2 || shape.length == 3 && shape[2] == 1);
    if (!matches) {
      // Checked up front: a wrong size would otherwise surface as a count of features, not of pixels.
      throw new UserException("the model expects " + (shape.length >= 2 ? shape(shape) + " images"
          : "rows of " + pipeline.featureNames().size() + " features") + " but '" + displayName + "' holds "
          + images.height() + "x" + images.width() + " images");
    }
    if (images.count() == 0) {
      throw new UserException(displayName + " holds no images to score");
    }
    this.idHeader = "row";
    this.headerWritten = false;
    int columns = pipeline.featureNames().size();
    float[] values = new float[batchRows * columns];
    String[] ids = new String[batchRows];
    long rows = 0;
    long flagged = 0;
    int n;
    while ((n = images.read(values, batchRows)) > 0) {
      for (int i = 0; i < n; i++) {
        ids[i] = Long.toString(rows + i + 1);
      }
      flagged += writeBatch(values, ids, n, out);
      rows += n;
      progress.accept(rows);
    }
    return new Summary(rows, flagged, (System.nanoTime() - start) / 1e9);
  }

  private static String shape(int[] shape) {
    return java.util.Arrays.stream(shape).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining("x"));
  }

  private long writeBatch(float[] values, String[] ids, int n, Writer out) throws IOException {
    int columns = pipeline.featureNames().size();
    float[] batch = java.util.Arrays.copyOf(values, n * columns);
    Dataset data = Dataset.of("batch", n, columns, batch, pipeline.featureNames(), null);
    Scores scores = pipeline.score(data);
    Optional<FeatureErrors> errors = topK > 0 ? pipeline.explain(data) : Optional.empty();
    if (!headerWritten) {
      // Known only now: whether the model can explain its scores decides the top-k columns.
      out.write(header(errors.isPresent()));
      headerWritten = true;
    }
    StringBuilder line = new StringBuilder(64 + 32 * topK);
    int[] top = new int[topK];
    long flagged = 0;
    for (int i = 0; i < n; i++) {
      double score = scores.get(i);
      boolean anomalous = threshold.isAnomalous(score);
      flagged += anomalous ? 1 : 0;
      line.setLength(0);
      line.append(ids[i]).append(',').append(score).append(',').append(anomalous ? '1' : '0');
      if (errors.isPresent()) {
        FeatureErrors e = errors.get();
        topFeatures(e, i, top);
        for (int f : top) {
          line.append(',').append(e.featureNames().get(f)).append(',').append(e.get(i, f));
        }
      }
      line.append('\n');
      out.append(line);
    }
    return flagged;
  }

  /** The indices of the {@code top.length} largest errors of row {@code row}, largest first. */
  static void topFeatures(FeatureErrors e, int row, int[] top) {
    int filled = 0;
    for (int f = 0; f < e.columns(); f++) {
      float v = e.get(row, f);
      int at = filled;
      while (at > 0 && e.get(row, top[at - 1]) < v) {
        at--;
      }
      if (at < top.length) {
        int end = Math.min(filled, top.length - 1);
        System.arraycopy(top, at, top, at + 1, end - at);
        top[at] = f;
        filled = Math.min(filled + 1, top.length);
      }
    }
  }

  private String header(boolean explains) {
    StringBuilder h = new StringBuilder(idHeader).append(",score,anomalous");
    for (int k = 1; explains && k <= topK; k++) {
      h.append(",top").append(k).append("_feature,top").append(k).append("_error");
    }
    return h.append('\n').toString();
  }

  private static String abbreviate(List<String> names) {
    return names.size() <= 8 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 8)) + ", ...";
  }
}

package ad.eval.pipeline;

import ad.core.CategoricalColumn;
import ad.core.Abbreviated;
import ad.core.Dataset;
import ad.core.FeatureErrors;
import ad.core.Threshold;
import ad.core.UserException;
import ad.core.data.IdxImageReader;
import ad.core.data.csv.ByteTable;
import ad.core.data.csv.CsvReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Scores a CSV file of new rows (or an IDX file of images) with a fitted pipeline, a batch at a time, so that memory stays
 * bounded whatever the size of the file.
 *
 * <p>Not thread-safe: one scorer per output. Output: one CSV line per input row: the row's id (the value of {@code idColumn}, or its 1-based
 * data row number), its score, whether it is flagged ({@code 1}/{@code 0}) by the chosen threshold,
 * for a pipeline with categorical columns the number of the row's categorical values that training
 * never showed ({@code unseen_categories}; they are encoded as all zeros, as in the run), and the
 * {@code topK} features with the largest errors behind the score (name and error), when the model can
 * explain its scores.
 *
 * <p>CSV columns are found by their header names, as the training source found them; other columns
 * (the label, dropped ones, anything else) are ignored.
 */
public final class StreamingScorer {
  /** The output column of per-row unseen categorical values. */
  public static final String UNSEEN_COLUMN = "unseen_categories";
  /** Rows scored at once unless the caller says otherwise ({@code ad score}, on Spark or not). */
  public static final int DEFAULT_BATCH = 8192;
  /** Features with the largest errors listed per row unless the caller says otherwise. */
  public static final int DEFAULT_TOP_K = 3;
  private final Pipeline pipeline;
  private final Threshold threshold;
  private final int batchRows;
  private final int topK;
  private String idHeader;
  private boolean headerWritten;
  private long[] unseenTotals;

  /**
   * How a scoring run went.
   *
   * @param unseen per categorical column, the rows whose value training never showed (empty for a
   *     pipeline without categorical columns)
   */
  public record Summary(long rows, long flagged, double seconds, Map<String, Long> unseen) {
    public Summary {
      unseen = Collections.unmodifiableMap(new LinkedHashMap<>(unseen));
    }

    public double rowsPerSecond() {
      return seconds > 0 ? rows / seconds : Double.NaN;
    }
  }

  public StreamingScorer(Pipeline pipeline, String thresholdName, int batchRows, int topK) {
    if (pipeline.isSeries()) {
      throw new IllegalArgumentException("a series pipeline scores windows: use SeriesScorer");
    }
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
   * @throws UserException naming the file and the column when the header lacks a column the model reads
   */
  public Summary score(Path input, String displayName, String idColumn, Writer out, LongConsumer progress)
      throws IOException {
    try (CsvReader reader = CsvReader.open(input, displayName)) {
      return score(reader, idColumn, out, progress);
    }
  }

  /**
   * Scores the rows {@code reader} has left (a file, standard input or a pipe, read once).
   *
   * @param idColumn the column that identifies rows in the output, or null for row numbers
   * @param progress told the number of rows scored so far after each batch
   * @throws UserException naming the file and the column when the header lacks a column the model reads
   */
  public Summary score(CsvReader reader, String idColumn, Writer out, LongConsumer progress) throws IOException {
    long start = System.nanoTime();
    String displayName = reader.displayName();
    InputColumns inputs = pipeline.inputs();
    List<String> numeric = inputs.numeric();
    List<String> categorical = inputs.categorical();
    int columns = numeric.size();
    int[] fieldOf = new int[columns];
    for (int j = 0; j < columns; j++) {
      fieldOf[j] = requireColumn(reader, displayName, numeric.get(j), "");
    }
    int[] categoricalField = new int[categorical.size()];
    for (int c = 0; c < categoricalField.length; c++) {
      categoricalField[c] = requireColumn(reader, displayName, categorical.get(c), "categorical ");
    }
    int idField = idField(reader, idColumn);
    begin(idColumn != null ? idColumn : "row");
    // The file's own categories, interned across batches; the encoder maps them to the training ones.
    ByteTable[] levels = new ByteTable[categoricalField.length];
    java.util.Arrays.setAll(levels, c -> new ByteTable());
    float[] values = new float[batchRows * columns];
    int[][] codes = new int[categoricalField.length][batchRows];
    String[] ids = new String[batchRows];
    long rows = 0;
    long flagged = 0;
    int n = 0;
    while (reader.next()) {
      reader.requireHeaderWidth();
      for (int j = 0; j < columns; j++) {
        values[n * columns + j] = reader.number(fieldOf[j]);
      }
      for (int c = 0; c < codes.length; c++) {
        codes[c][n] = reader.code(categoricalField[c], levels[c]);
      }
      ids[n] = idField >= 0 ? reader.text(idField) : Long.toString(rows + n + 1);
      if (++n == batchRows) {
        flagged += writeBatch(rawBatch(values, codes, levels, n), ids, out);
        rows += n;
        n = 0;
        progress.accept(rows);
      }
    }
    if (n > 0) {
      flagged += writeBatch(rawBatch(values, codes, levels, n), ids, out);
      rows += n;
      progress.accept(rows);
    }
    if (rows == 0) {
      throw new UserException(displayName + " has a header but no rows to score");
    }
    return summary(rows, flagged, start);
  }

  /** The field of the id column, or -1 for none; a missing one is named with the file and its columns. */
  static int idField(CsvReader reader, String idColumn) {
    if (idColumn == null) {
      return -1;
    }
    int field = reader.column(idColumn);
    if (field < 0) {
      throw new UserException(reader.displayName() + ": no column '" + idColumn + "' for --id-column; the columns are "
          + Abbreviated.list(reader.header()));
    }
    return field;
  }

  /** The index of {@code column} in the header; a missing one is named with the file and what the model reads. */
  private int requireColumn(CsvReader reader, String displayName, String column, String kind) {
    int field = reader.column(column);
    if (field >= 0) {
      return field;
    }
    InputColumns inputs = pipeline.inputs();
    String reads = inputs.hasCategorical()
        ? inputs.numeric().size() + " numeric columns (" + Abbreviated.join(inputs.numeric()) + ") and "
            + inputs.categorical().size() + " categorical columns (" + Abbreviated.join(inputs.categorical()) + ")"
        : columnsOf(inputs.numeric());
    throw new UserException(displayName + ": the model needs " + kind + "column '" + column
        + "', which the header lacks: the model reads " + reads + "; the input has " + reader.header().size()
        + " columns: " + Abbreviated.join(reader.header()));
  }

  private String columnsOf(List<String> features) {
    return features.size() + " features of sample shape " + java.util.Arrays.toString(pipeline.sampleShape())
        + " (" + Abbreviated.join(features) + ")";
  }

  /** The first {@code n} buffered rows as a raw dataset: numeric values plus the categorical codes. */
  private Dataset rawBatch(float[] values, int[][] codes, ByteTable[] levels, int n) {
    List<String> numeric = pipeline.inputs().numeric();
    Dataset raw = Dataset.of("batch", n, numeric.size(), java.util.Arrays.copyOf(values, n * numeric.size()),
        numeric, null);
    if (codes.length == 0) {
      return raw;
    }
    List<CategoricalColumn> columns = new ArrayList<>(codes.length);
    List<String> names = pipeline.inputs().categorical();
    for (int c = 0; c < codes.length; c++) {
      columns.add(new CategoricalColumn(names.get(c), levels[c].levels(), java.util.Arrays.copyOf(codes[c], n)));
    }
    return raw.withCategoricalColumns(columns);
  }

  private void begin(String idHeader) {
    this.idHeader = idHeader;
    this.headerWritten = false;
    this.unseenTotals = new long[pipeline.inputs().categorical().size()];
  }

  private Summary summary(long rows, long flagged, long startNanos) {
    Map<String, Long> unseen = new LinkedHashMap<>();
    List<String> categorical = pipeline.inputs().categorical();
    for (int c = 0; c < categorical.size(); c++) {
      unseen.put(categorical.get(c), unseenTotals[c]);
    }
    return new Summary(rows, flagged, (System.nanoTime() - startNanos) / 1e9, unseen);
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
    begin("row");
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
      flagged += writeBatch(Dataset.of("batch", n, columns, java.util.Arrays.copyOf(values, n * columns),
          pipeline.featureNames(), null), ids, out);
      rows += n;
      progress.accept(rows);
    }
    return summary(rows, flagged, start);
  }

  private static String shape(int[] shape) {
    return java.util.Arrays.stream(shape).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining("x"));
  }

  private long writeBatch(Dataset raw, String[] ids, Writer out) throws IOException {
    int n = raw.rows();
    ScoredBatch batch = ScoredBatch.of(pipeline, threshold, raw, topK);
    boolean categorical = pipeline.inputs().hasCategorical();
    if (categorical) {
      List<String> names = pipeline.inputs().categorical();
      for (int c = 0; c < names.size(); c++) {
        unseenTotals[c] += batch.unseen().get(names.get(c));
      }
    }
    if (!headerWritten) {
      // Known only now: whether the model can explain its scores decides the top-k columns.
      out.write(header(batch.errors().isPresent()));
      headerWritten = true;
    }
    StringBuilder line = new StringBuilder(64 + 32 * topK);
    int[] top = new int[batch.topK()];
    for (int i = 0; i < n; i++) {
      line.setLength(0);
      line.append(ids[i]).append(',').append(batch.scores()[i]).append(',').append(batch.anomalous()[i] ? '1' : '0');
      if (categorical) {
        line.append(',').append(batch.unseenInRow(i));
      }
      if (top.length > 0) {
        batch.topFeatures(i, top);
        for (int f : top) {
          line.append(',').append(batch.featureName(f)).append(',').append(batch.error(i, f));
        }
      }
      line.append('\n');
      out.append(line);
    }
    return batch.flagged();
  }

  /** The indices of the {@code top.length} largest errors of row {@code row}, largest first. */
  static void topFeatures(FeatureErrors e, int row, int[] top) {
    TopK.largest(e.columns(), f -> e.get(row, f), top);
  }

  private String header(boolean explains) {
    StringBuilder h = new StringBuilder(idHeader).append(",score,anomalous");
    if (pipeline.inputs().hasCategorical()) {
      h.append(',').append(UNSEEN_COLUMN);
    }
    for (int k = 1; explains && k <= topK; k++) {
      h.append(",top").append(k).append("_feature,top").append(k).append("_error");
    }
    return h.append('\n').toString();
  }
}

package ad.spark.score;

import ad.core.CategoricalColumn;
import ad.core.Dataset;
import ad.core.UserException;
import ad.eval.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a Spark table with a saved pipeline: the one call for Java users with a {@code Dataset<Row>}.
 *
 * <pre>{@code
 * Dataset<Row> scored = SparkScoring.score(rows, PipelineFile.read(model, Registry.load()),
 *     ScoringOptions.defaults());
 * }</pre>
 *
 * <p>The result is {@code rows} with the {@link ScoreColumns} added ({@code score}, {@code anomalous},
 * {@code unseen_categories} for a pipeline with categorical columns, {@code top1_feature},
 * {@code top1_error} ...), the same values {@code ad score} writes for the same rows. The pipeline
 * reads its input columns by name (numeric ones of any numeric type, or as text; categorical ones as
 * text); other columns pass through unchanged. Partitions are scored in parallel, a batch at a time;
 * the pipeline travels to each executor once, as a broadcast pipeline file, and each executor JVM
 * loads it once. Lazy, like any transformation: nothing runs until an action.
 *
 * <p>Series pipelines (windows over rows in time order) are refused: a table's partitions have no
 * time order to cut windows from.
 */
public final class SparkScoring {
  private SparkScoring() {}

  /** Scores {@code rows} with {@code pipeline}, which is saved to bytes and shipped to the executors. */
  public static org.apache.spark.sql.Dataset<Row> score(org.apache.spark.sql.Dataset<Row> rows, Pipeline pipeline,
      ScoringOptions options) {
    requireRowPipeline(pipeline, pipeline.detectorType() + " pipeline");
    return score(rows, ShippedPipeline.of(rows.sparkSession(), pipeline), options, "the input", null);
  }

  /**
   * Scores {@code rows} with an already shipped pipeline.
   *
   * @param inputName names the input in messages (e.g. its path)
   * @param idColumn a column naming rows in messages about bad cells, or null
   * @throws UserException for a series pipeline, an unknown threshold, a missing input column, or an
   *     input column named like an added one; bad cells fail the job with a {@link UserException}
   *     naming the input, the row and the column
   */
  public static org.apache.spark.sql.Dataset<Row> score(org.apache.spark.sql.Dataset<Row> rows,
      ShippedPipeline shipped, ScoringOptions options, String inputName, String idColumn) {
    return score(rows, shipped, options, inputName, idColumn, List.of(rows.schema().fieldNames()), null, null);
  }

  /**
   * Scores {@code rows}, keeping only the input columns {@code kept} (in that order) before the
   * added ones: cheaper than selecting them afterwards, which Spark cannot push into the scoring.
   *
   * @param rowsBefore per partition of {@code rows}, the number of rows in the partitions before it:
   *     each output row then starts with its 1-based number in the input, a long column named
   *     {@code numberColumn}; null for no numbering
   */
  static org.apache.spark.sql.Dataset<Row> score(org.apache.spark.sql.Dataset<Row> rows, ShippedPipeline shipped,
      ScoringOptions options, String inputName, String idColumn, List<String> kept, long[] rowsBefore,
      String numberColumn) {
    Pipeline pipeline = shipped.pipeline();
    requireRowPipeline(pipeline, shipped.name());
    pipeline.threshold(options.threshold());
    RawRows raw = RawRows.of(pipeline.inputs(), rows.schema(), inputName, idColumn);
    ScoreColumns columns = new ScoreColumns(pipeline.inputs().hasCategorical(), explainedTopK(pipeline, options));
    StructType schema = rows.schema();
    int[] fields = kept.stream().mapToInt(schema::fieldIndex).toArray();
    StructType keptSchema = new StructType(java.util.Arrays.stream(fields).mapToObj(f -> schema.fields()[f])
        .toArray(org.apache.spark.sql.types.StructField[]::new));
    if (rowsBefore != null) {
      keptSchema = new StructType().add(numberColumn, org.apache.spark.sql.types.DataTypes.LongType, false)
          .merge(keptSchema, false);
    }
    return rows.mapPartitions(new PartitionScorer(shipped, options, raw, columns, fields, rowsBefore),
        Encoders.row(columns.appendTo(keptSchema, inputName)));
  }

  /** The columns {@link #score} adds for {@code pipeline} with {@code options}. */
  public static ScoreColumns columns(Pipeline pipeline, ScoringOptions options) {
    return new ScoreColumns(pipeline.inputs().hasCategorical(), explainedTopK(pipeline, options));
  }

  /** Fails with exit status 2's kind of message for a series pipeline. */
  static void requireRowPipeline(Pipeline pipeline, String name) {
    if (pipeline.isSeries()) {
      throw new UserException(name + " is a series model (windows of " + pipeline.windowing().window()
          + " rows in time order): scoring series on Spark is not supported yet; score each series file with "
          + "'ad score' (without --spark)");
    }
  }

  /**
   * The top features each row gets: {@code options.topK()} (at most the model's features) when the
   * model explains its scores, else none. Asked of the model once, on the driver, with one row of
   * zeros: the output columns must be known before any task runs.
   */
  private static int explainedTopK(Pipeline pipeline, ScoringOptions options) {
    if (options.topK() == 0) {
      return 0;
    }
    List<String> numeric = pipeline.inputs().numeric();
    Dataset probe = Dataset.of("probe", 1, numeric.size(), new float[numeric.size()], numeric, null);
    if (pipeline.inputs().hasCategorical()) {
      List<CategoricalColumn> categorical = new ArrayList<>();
      for (String column : pipeline.inputs().categorical()) {
        categorical.add(new CategoricalColumn(column, List.of(""), new int[] {0}));
      }
      probe = probe.withCategoricalColumns(categorical);
    }
    boolean explains = pipeline.model().explain(pipeline.prepare(probe).features()).isPresent();
    return explains ? Math.min(options.topK(), pipeline.featureNames().size()) : 0;
  }
}

package ad.spark.score;

import ad.core.UserException;
import ad.core.registry.Registry;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ad score --spark}: a table in, a Parquet folder out with one row per input row: its id,
 * {@code score}, {@code anomalous}, {@code unseen_categories} (categorical pipelines) and the top-k
 * columns, as {@code ad score} writes them to CSV.
 */
public final class ScoreJob {
  /** The id column when rows are numbered, as in {@code ad score}'s CSV output. */
  public static final String ROW_NUMBER = "row";

  /**
   * What to score and where.
   *
   * @param input a file or folder, any Hadoop URI
   * @param format its format, or null to tell from file names
   * @param out the output folder (must not exist)
   * @param idColumn the input column naming rows, or null for 1-based row numbers (which costs one
   *     extra pass over the input to count the rows of each partition)
   * @param partitions spread the scoring over this many tasks (a shuffle), or null to score the input's
   *     own partitions
   */
  public record Request(Path model, String input, TableInput.Format format, String out, String idColumn,
      ScoringOptions options, Integer partitions) {
    public Request {
      if (partitions != null && partitions < 1) {
        throw new UserException("--partitions must be >= 1, got " + partitions);
      }
    }
  }

  /** How the job went, counted from the written output. */
  public record Summary(long rows, long flagged, long rowsWithUnseen, double seconds, int files, String rule) {
    public double rowsPerSecond() {
      return seconds > 0 ? rows / seconds : Double.NaN;
    }
  }

  private ScoreJob() {}

  /**
   * Reads and checks the model file: missing, corrupt, series or without the chosen threshold, it is
   * refused here, before a Spark session is worth starting.
   */
  public static Pipeline checkModel(Request request) {
    Pipeline pipeline = PipelineFile.read(request.model(), Registry.load());
    SparkScoring.requireRowPipeline(pipeline, request.model().toString());
    pipeline.threshold(request.options().threshold());
    return pipeline;
  }

  /**
   * Scores and writes; {@code notes} gets remarks for the user (e.g. an input that cannot be split).
   *
   * @param pipeline the model file as {@link #checkModel} read it
   * @throws UserException for a bad input or output (before any task runs where it can be told from
   *     the files and the schema)
   */
  public static Summary run(SparkSession spark, Request request, Pipeline pipeline, Consumer<String> notes) {
    long start = System.nanoTime();
    ShippedPipeline shipped = ShippedPipeline.of(spark, request.model(), pipeline);
    String rule = pipeline.threshold(request.options().threshold()).threshold().rule();

    org.apache.spark.sql.Dataset<Row> table = TableInput.read(spark, request.input(), request.format());
    List<String> needed = new ArrayList<>(pipeline.inputs().numeric());
    needed.addAll(pipeline.inputs().categorical());
    // Checked here, on the schema, so that a missing column stops before any task starts.
    RawRows.of(pipeline.inputs(), table.schema(), request.input(), request.idColumn());
    String id = request.idColumn() != null ? request.idColumn() : ROW_NUMBER;
    org.apache.spark.sql.Dataset<Row> rows;
    if (request.idColumn() != null) {
      List<String> selected = new ArrayList<>(needed);
      if (!selected.contains(id)) {
        selected.add(0, id);
      }
      rows = table.select(columns(selected));
    } else if (request.partitions() != null) {
      // Numbered before the shuffle, which does not keep the input's order.
      rows = numbered(spark, table.select(columns(needed)), request.input());
    } else {
      rows = table.select(columns(needed));
    }
    int partitions = rows.rdd().getNumPartitions();
    int parallelism = spark.sparkContext().defaultParallelism();
    if (request.partitions() != null) {
      rows = rows.repartition(request.partitions());
    } else if (partitions < parallelism) {
      notes.accept("the input comes in " + partitions + " partition" + (partitions == 1 ? "" : "s") + " for "
          + parallelism + " cores (a gzip file cannot be split): --partitions " + parallelism
          + " spreads the scoring over more tasks");
    }
    org.apache.spark.sql.Dataset<Row> scored;
    if (request.idColumn() == null && request.partitions() == null) {
      // Rows numbered where they are scored: a count per partition first (a scan that reads no
      // column values), then each task numbers its rows from the rows of the partitions before it.
      requireNoColumn(rows, ROW_NUMBER, request.input());
      scored = SparkScoring.score(rows, shipped, request.options(), request.input(), null, List.of(),
          rowsBefore(rows, partitions), ROW_NUMBER);
    } else {
      scored = SparkScoring.score(rows, shipped, request.options(), request.input(), id, List.of(id), null, null);
    }
    ParquetOutput.write(scored, request.out(), request.input());
    return summary(spark, request.out(), pipeline.inputs().hasCategorical(), rule, start);
  }

  /** Per partition of {@code rows}, the number of rows in the partitions before it. */
  private static long[] rowsBefore(org.apache.spark.sql.Dataset<Row> rows, int partitions) {
    long[] counts = new long[partitions];
    for (Row r : rows.groupBy(functions.spark_partition_id()).count().collectAsList()) {
      counts[r.getInt(0)] = r.getLong(1);
    }
    long[] before = new long[partitions];
    for (int p = 1; p < partitions; p++) {
      before[p] = before[p - 1] + counts[p - 1];
    }
    return before;
  }

  private static void requireNoColumn(org.apache.spark.sql.Dataset<Row> rows, String column, String inputName) {
    if (List.of(rows.schema().fieldNames()).contains(column)) {
      throw new UserException(inputName + " has a column named '" + column + "', the name of the row numbers "
          + "ad adds: give --id-column (that column, or another) to name the rows");
    }
  }

  /** The rows with their 1-based number in the input as the first column (before a shuffle). */
  private static org.apache.spark.sql.Dataset<Row> numbered(SparkSession spark,
      org.apache.spark.sql.Dataset<Row> rows, String inputName) {
    requireNoColumn(rows, ROW_NUMBER, inputName);
    StructType schema = new StructType().add(ROW_NUMBER, DataTypes.LongType, false);
    for (var field : rows.schema().fields()) {
      schema = schema.add(field);
    }
    JavaRDD<Row> withNumbers = rows.javaRDD().zipWithIndex().map(pair -> {
      Row row = pair._1();
      Object[] values = new Object[row.length() + 1];
      values[0] = pair._2() + 1;
      for (int i = 0; i < row.length(); i++) {
        values[i + 1] = row.get(i);
      }
      return RowFactory.create(values);
    });
    return spark.createDataFrame(withNumbers, schema);
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(functions::col).toArray(Column[]::new);
  }

  private static Summary summary(SparkSession spark, String out, boolean categorical, String rule, long start) {
    org.apache.spark.sql.Dataset<Row> written = spark.read().parquet(out);
    Column flagged = functions.sum(functions.when(functions.col(ScoreColumns.ANOMALOUS), 1L).otherwise(0L));
    Column unseen = categorical
        ? functions.sum(functions.when(functions.col(ScoreColumns.UNSEEN).gt(0), 1L).otherwise(0L))
        : functions.lit(0L);
    Row counts = written.agg(functions.count(functions.lit(1)), flagged, unseen).first();
    int files = written.inputFiles().length;
    long rows = counts.getLong(0);
    return new Summary(rows, rows == 0 ? 0 : counts.getLong(1), rows == 0 ? 0 : counts.getLong(2),
        (System.nanoTime() - start) / 1e9, files, rule);
  }
}

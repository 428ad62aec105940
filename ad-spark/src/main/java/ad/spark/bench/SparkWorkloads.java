package ad.spark.bench;

import ad.core.Dataset;
import ad.core.Threshold;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineFile;
import ad.eval.pipeline.ScoredBatch;
import ad.experiments.bench.BenchReport;
import ad.models.nn.Workers;
import ad.spark.Sessions;
import ad.spark.score.ScoreJob;
import ad.spark.score.ScoringOptions;
import ad.spark.score.ShippedPipeline;
import ad.spark.score.SparkScoring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark benchmarks: scoring throughput on {@code local[1]} and {@code local[2]} (and their scaling
 * efficiency, beside the engine's own rate without Spark), {@code ad score --spark local[2]} on a
 * 5M-row Parquet table, end to end, and the overhead of a grid's cells run as Spark tasks
 * ({@link GridOverhead}). Data and model are generated into a work folder first (not timed).
 */
public final class SparkWorkloads {
  /** One workload: its name, a description, and how it runs. */
  public record Workload(String name, String description, long rows) {}

  public static final Workload SCORE = new Workload("spark-score",
      "rows/s scoring a 1M-row Parquet table (20 numeric + 1 categorical column, dense AE) on local[1] and "
          + "local[2], their scaling efficiency, and the engine's rate without Spark", 1_000_000);
  public static final Workload SCORE_5M = new Workload("spark-score-5m",
      "ad score --spark local[2] on a 5M-row Parquet table, end to end (row numbers, top-3, Parquet out): "
          + "rows/s, wall time and peak memory", 5_000_000);

  public static final Workload GRID = new Workload("spark-grid",
      "ad run --spark local[2] against ad run on 2 workers, same small grid (24 cells): wall seconds, Spark's "
          + "overhead per cell, session start", GridOverhead.CELLS);

  private static final long SEED = 7;
  private static final int PARTS = 8;

  private final BenchReport lines;
  private final Path work;

  public SparkWorkloads(BenchReport lines, Path work) {
    this.lines = lines;
    this.work = work;
  }

  public static List<Workload> all() {
    return List.of(SCORE, SCORE_5M, GRID);
  }

  public void run(Workload workload) {
    if (workload.equals(SCORE)) {
      scaling(workload);
    } else if (workload.equals(GRID)) {
      new GridOverhead(lines, work).run(workload.name());
    } else {
      endToEnd(workload);
    }
  }

  /** Writes the table and the model file for {@code rows} rows; returns the table's folder. */
  private Path prepare(Workload w, Path model) {
    Path table = work.resolve(w.name() + "-input.parquet");
    SparkSession spark = Sessions.start("local[2]", "ad bench: data for " + w.name());
    try {
      SyntheticTable.table(spark, w.rows(), PARTS, SEED).write().parquet(table.toString());
    } finally {
      spark.stop();
    }
    PipelineFile.write(model, SyntheticTable.fitPipeline(20_000, 10, SEED));
    return table;
  }

  private void scaling(Workload w) {
    Path model = work.resolve("model.adp");
    Path table = prepare(w, model);
    Pipeline pipeline = PipelineFile.read(model, ad.core.registry.Registry.load());
    lines.note(w.name(), Workers.SCORING_THREADS == 1 ? "the engine scores on one thread per task"
        : "the engine scores each batch on up to " + Workers.SCORING_THREADS + " threads, so local[1] already "
            + "uses that many cores for the model's share of the work");
    lines.figure(w.name() + "-engine", "rows_per_s", engineRate(pipeline, 400_000));
    double one = sparkRate(w, "local[1]", table, model);
    double two = sparkRate(w, "local[2]", table, model);
    lines.figure(w.name() + "-local1", "rows_per_s", one);
    lines.figure(w.name() + "-local2", "rows_per_s", two);
    lines.figure(w.name(), "scaling_efficiency", two / (2 * one));
  }

  /** Rows per second of a scoring job over the whole table (read Parquet, score, discard), after a warm-up. */
  private double sparkRate(Workload w, String master, Path table, Path model) {
    SparkSession spark = Sessions.start(master, "ad bench " + w.name() + " " + master);
    try {
      ShippedPipeline shipped = ShippedPipeline.of(spark, model);
      org.apache.spark.sql.Dataset<Row> rows = spark.read().parquet(table.toString());
      ScoringOptions options = ScoringOptions.defaults();
      SparkScoring.score(rows.limit(50_000), shipped, options, table.toString(), null).write().format("noop")
          .mode("overwrite").save();
      long start = System.nanoTime();
      SparkScoring.score(rows, shipped, options, table.toString(), null).write().format("noop").mode("overwrite")
          .save();
      return w.rows() / ((System.nanoTime() - start) / 1e9);
    } finally {
      spark.stop();
    }
  }

  /** The same scoring (prepare, score, top-3) on in-memory batches, without Spark. */
  private static double engineRate(Pipeline pipeline, int rows) {
    Threshold threshold = pipeline.threshold(null).threshold();
    int batch = ScoringOptions.DEFAULT_BATCH;
    List<String> numeric = pipeline.inputs().numeric();
    float[] values = new float[batch * numeric.size()];
    java.util.SplittableRandom random = new java.util.SplittableRandom(SEED);
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextDouble();
    }
    int[] codes = new int[batch];
    Dataset raw = Dataset.of("bench", batch, numeric.size(), values, numeric, null).withCategoricalColumns(
        List.of(new ad.core.CategoricalColumn("proto", SyntheticTable.PROTOCOLS, codes)));
    int[] top = new int[ScoringOptions.DEFAULT_TOP_K];
    long sink = 0;
    for (int warm = 0; warm < 10; warm++) {
      sink += ScoredBatch.of(pipeline, threshold, raw, top.length).flagged();
    }
    long start = System.nanoTime();
    int done = 0;
    while (done < rows) {
      ScoredBatch scored = ScoredBatch.of(pipeline, threshold, raw, top.length);
      for (int i = 0; i < batch; i++) {
        scored.topFeatures(i, top);
        sink += top[0];
      }
      done += batch;
    }
    double rate = done / ((System.nanoTime() - start) / 1e9);
    return sink == Long.MIN_VALUE ? 0 : rate;
  }

  private void endToEnd(Workload w) {
    Path model = work.resolve("model.adp");
    Path table = prepare(w, model);
    Path out = work.resolve(w.name() + "-scored.parquet");
    SparkSession spark = Sessions.start("local[2]", "ad bench " + w.name());
    long start = System.nanoTime();
    ScoreJob.Summary summary;
    try {
      ScoreJob.Request request = new ScoreJob.Request(model, table.toString(), null, out.toString(), null,
          ScoringOptions.defaults(), null);
      summary = ScoreJob.run(spark, request, ScoreJob.checkModel(request), note -> lines.note(w.name(), note));
    } finally {
      spark.stop();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    lines.figure(w.name(), "rows", summary.rows());
    lines.figure(w.name(), "rows_per_s", summary.rowsPerSecond());
    lines.figure(w.name(), "wall_s", wall);
    lines.figure(w.name(), "peak_rss_mb", PeakMemory.residentMegabytes());
    lines.figure(w.name(), "peak_heap_mb", PeakMemory.heapMegabytes());
    lines.figure(w.name(), "output_mb", folderBytes(out) / 1e6);
  }

  private static long folderBytes(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the work folder's content (generated tables and outputs). */
  public static void clean(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

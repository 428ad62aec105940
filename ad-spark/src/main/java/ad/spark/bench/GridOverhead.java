package ad.spark.bench;

import ad.core.data.DataContext;
import ad.core.registry.Registry;
import ad.eval.run.ExperimentRunner;
import ad.eval.run.RunListener;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecReader;
import ad.experiments.bench.BenchReport;
import ad.spark.Sessions;
import ad.spark.grid.SparkScheduler;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ad bench spark-grid}: what running a grid's cells as Spark tasks costs over running them in
 * one process. The same small grid ({@link #CELLS} quick cells on synthetic tables, no charts) runs
 * on two in-process workers and on {@code local[2]}; each is run twice from an empty output folder and
 * the second run is timed (class loading and JIT warm-up left out). The session start is reported
 * apart: it is paid once per {@code ad run --spark}, however large the grid.
 */
final class GridOverhead {
  static final String SPEC = """
      name: spark-grid-bench
      seeds: [1, 2, 3, 4]
      charts: false
      datasets:
        - {name: a, type: synthetic, dimensions: 16, normal: {count: 2000}, anomalies: {count: 60, mean: 2}}
        - {name: b, type: synthetic, dimensions: 16, normal: {count: 2000}, anomalies: {count: 60, mean: 3}}
      detectors:
        - {name: dense, type: dense_autoencoder, hidden_layers: [8, 4, 8], epochs: 10, batch_size: 64}
        - {name: pca, type: pca, variance: 0.9}
        - {name: iforest, type: isolation_forest, trees: 50}
      """;
  static final int CELLS = 24;

  private final BenchReport lines;
  private final Path work;

  GridOverhead(BenchReport lines, Path work) {
    this.lines = lines;
    this.work = work;
  }

  void run(String workload) {
    ExperimentSpec spec = new SpecReader(Registry.load()).read(work.resolve("grid.yaml"), SPEC);
    DataContext data = new DataContext(work, work);
    double local = 0;
    for (int round = 0; round < 2; round++) {
      long start = System.nanoTime();
      new ExperimentRunner(spec, data, work.resolve("local-" + round), RunListener.SILENT,
          new ExperimentRunner.Settings(2, false)).run();
      local = (System.nanoTime() - start) / 1e9;
    }
    long sessionStart = System.nanoTime();
    SparkSession spark = Sessions.start("local[2]", "ad bench " + workload);
    double session = (System.nanoTime() - sessionStart) / 1e9;
    double onSpark = 0;
    try {
      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        new ExperimentRunner(spec, data, work.resolve("spark-" + round), RunListener.SILENT,
            ExperimentRunner.Settings.DEFAULT, new SparkScheduler(spark)).run();
        onSpark = (System.nanoTime() - start) / 1e9;
      }
    } finally {
      spark.stop();
    }
    lines.note(workload, CELLS + " cells (2 synthetic tables x dense AE, PCA, isolation forest x 4 seeds), "
        + "second of two runs each; in process on 2 workers vs local[2]");
    lines.figure(workload, "in_process_s", local);
    lines.figure(workload, "local2_s", onSpark);
    lines.figure(workload, "session_start_s", session);
    lines.figure(workload, "overhead_per_cell_ms", (onSpark - local) / CELLS * 1000);
    lines.figure(workload, "overhead_ratio", onSpark / local);
  }
}

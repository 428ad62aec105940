package ad.spark.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.data.DataContext;
import ad.core.registry.Registry;
import ad.eval.cell.ResultRow;
import ad.eval.run.ExperimentRunner;
import ad.eval.run.RunListener;
import ad.eval.run.RunSummary;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grid run on Spark ({@code local[2,2]}: two task slots, a failed task tried twice) against the same
 * grid run in one process: the same results.csv (timings aside), stored cells, charts, models and
 * point scores; a cell whose task fails for good fails alone; a task retried after a failure is
 * recorded once; a resumed run on Spark reuses the cells stored by a run in one process.
 */
class SparkGridTest {
  static final String GRID = """
      name: spark-grid
      seeds: [1, 2]
      save_models: true
      save_point_scores: true
      series_models: per_file
      datasets:
        - name: blobs
          type: synthetic
          dimensions: 6
          normal: {count: 300}
          anomalies: {count: 20, mean: 3}
        - {name: waves, type: series, paths: ["s*.csv"], window: 10, stride: 2, train_prefix: 150}
      protocol: {type: novelty, validation_fraction: 0.2, test_fraction: 0.3}
      scaler: standard
      detectors:
        - {name: dense, type: dense_autoencoder, hidden_layers: [4], epochs: 3, batch_size: 32}
        - {name: pca, type: pca, variance: 0.9}
        - {name: iforest, type: isolation_forest, trees: 20}
      thresholders:
        - {type: mean_std, k: 3}
        - {type: best_f1}
      allow_oracle: true
      metrics: [mcc, average_precision]
      """;

  @TempDir
  static Path temp;
  static SparkSession spark;

  @BeforeAll
  static void start() throws IOException {
    RunFolders.writeWaves(temp);
    spark = SparkSession.builder().master("local[2,2]").appName("grid test").config("spark.ui.enabled", "false")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static ExperimentSpec spec(String yaml) {
    return new SpecReader(Registry.load()).read(temp.resolve("grid.yaml"), yaml);
  }

  static RunSummary local(String yaml, Path out) {
    return new ExperimentRunner(spec(yaml), new DataContext(temp, temp), out, RunListener.SILENT,
        new ExperimentRunner.Settings(2, false)).run();
  }

  static RunSummary onSpark(String yaml, Path out) {
    return new ExperimentRunner(spec(yaml), new DataContext(temp, temp), out, RunListener.SILENT,
        ExperimentRunner.Settings.DEFAULT, new SparkScheduler(spark)).run();
  }

  @Test
  void aGridOnSparkGivesTheResultsAndFilesOfALocalRun() throws IOException {
    Path local = temp.resolve("local");
    Path remote = temp.resolve("spark");
    local(GRID, local);
    RunSummary summary = onSpark(GRID, remote);
    assertEquals(24, summary.results().size());
    assertTrue(summary.results().stream().noneMatch(ResultRow::failed),
        summary.results().stream().map(ResultRow::error).distinct().toList().toString());
    assertEquals(RunFolders.withoutTimings(local.resolve("results.csv")),
        RunFolders.withoutTimings(remote.resolve("results.csv")));
    for (String folder : List.of("cells", "charts", "models", "points")) {
      assertEquals(RunFolders.files(local, folder), RunFolders.files(remote, folder), folder);
    }
    for (String folder : List.of("models", "points")) {
      for (String name : RunFolders.files(local, folder)) {
        assertArrayEquals(Files.readAllBytes(local.resolve(folder).resolve(name)),
            Files.readAllBytes(remote.resolve(folder).resolve(name)), folder + "/" + name);
      }
    }
    String runJson = Files.readString(remote.resolve("run.json"));
    assertTrue(runJson.contains("\"scheduler\" : \"spark local[2,2]\""), runJson);
    assertTrue(Files.readString(remote.resolve("report.html")).contains("ROC curves, every detector"));
  }

  @Test
  void aCellWhoseTaskFailsForGoodFailsAloneAndARetriedTaskIsRecordedOnce() throws IOException {
    String yaml = """
        name: failures
        seeds: [1]
        charts: false
        datasets:
          - {name: blobs, type: synthetic, dimensions: 4, normal: {count: 200}, anomalies: {count: 20, mean: 3}}
        detectors:
          - {name: doomed, type: planted_failure}
          - {name: flaky, type: planted_failure, first_attempt_only: true}
          - {name: pca, type: pca, variance: 0.9}
        """;
    Path out = temp.resolve("failures");
    RunSummary summary = onSpark(yaml, out);
    assertEquals(3, summary.cells().size());
    ResultRow doomed = summary.results().get(0);
    assertTrue(doomed.failed() && doomed.error().startsWith("the Spark task of this cell failed: ")
        && doomed.error().contains("planted task failure"), doomed.error());
    ResultRow flaky = summary.results().get(1);
    assertTrue(!flaky.failed(), flaky.error());
    assertTrue(!summary.results().get(2).failed(), summary.results().get(2).error());
    // The retried cell gives what an unfailing run gives, once.
    RunSummary reference = local(yaml.replace("  - {name: doomed, type: planted_failure}\n", ""),
        temp.resolve("failures-local"));
    assertEquals(RunFolders.withoutTimings(temp.resolve("failures-local/results.csv")),
        RunFolders.withoutTimings(out.resolve("results.csv")).stream().filter(l -> !l.contains(",doomed,")).toList());
    assertEquals(2, reference.cells().size());
  }

  @Test
  void aRunOnSparkResumesFromCellsAnotherRunStored() throws IOException {
    String yaml = GRID.replace("seeds: [1, 2]", "seeds: [3]").replace("save_point_scores: true\n", "")
        .replace("save_models: true\n", "");
    Path out = temp.resolve("resume");
    local(yaml, out);
    List<Path> stored;
    try (Stream<Path> files = Files.list(out.resolve("cells"))) {
      stored = files.sorted().toList();
    }
    List<String> before = RunFolders.withoutTimings(out.resolve("results.csv"));
    Files.delete(stored.get(0));
    List<String> warnings = new ArrayList<>();
    new ExperimentRunner(spec(yaml), new DataContext(temp, temp), out, new RunListener() {
      @Override
      public void warn(String message) {
        warnings.add(message);
      }
    }, ExperimentRunner.Settings.DEFAULT, new SparkScheduler(spark)).run();
    assertTrue(warnings.contains("resuming: 5 of 6 cells are already done (use --fresh to run them again)"),
        warnings.toString());
    assertEquals(before, RunFolders.withoutTimings(out.resolve("results.csv")));
  }
}

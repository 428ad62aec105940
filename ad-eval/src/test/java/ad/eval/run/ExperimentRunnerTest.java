package ad.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.CoreComponents;
import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.UserException;
import ad.core.data.DataContext;
import ad.core.registry.ComponentType;
import ad.core.registry.Options;
import ad.core.registry.Registry;
import ad.eval.cell.ResultRow;
import ad.eval.cell.Status;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecReader;
import ad.eval.threshold.ThresholderComponents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {
  static final AtomicInteger FITS = new AtomicInteger();

  /**
   * Scores a row by its squared distance to the training mean, plus seeded jitter so that the seed
   * visibly matters; {@code fail_on_seed} makes the cells of one seed fail, to test isolation.
   */
  record DistanceDetector(Double jitter, Long failOnSeed) implements Detector {
    DistanceDetector {
      jitter = Options.nonNegative("jitter", Options.orDefault(jitter, 0.01));
      failOnSeed = Options.orDefault(failOnSeed, -1L);
    }

    @Override
    public DetectorModel fit(Dataset train, long seed) {
      FITS.incrementAndGet();
      Detector.requireNormalOnly(train);
      if (failOnSeed != -1 && seed == ad.core.Seeds.derive(failOnSeed, "model")) {
        throw new UserException("planted failure");
      }
      double[] mean = new double[train.columns()];
      for (int i = 0; i < train.rows(); i++) {
        for (int j = 0; j < mean.length; j++) {
          mean[j] += train.value(i, j) / train.rows();
        }
      }
      double noise = jitter;
      return data -> {
        Random random = new Random(seed);
        double[] s = new double[data.rows()];
        for (int i = 0; i < s.length; i++) {
          for (int j = 0; j < mean.length; j++) {
            double d = data.value(i, j) - mean[j];
            s[i] += d * d;
          }
          s[i] += noise * random.nextDouble();
        }
        return new Scores(s);
      };
    }
  }

  static Registry registry() {
    List<ComponentType<?, ?>> all = new ArrayList<>(new CoreComponents().components());
    all.addAll(new ThresholderComponents().components());
    all.add(ComponentType.of(Detector.class, "distance", "for tests", DistanceDetector.class, d -> d));
    return new Registry(all);
  }

  static final String SPEC = """
      name: grid-test
      seeds: [1, 2, 3]
      charts: false
      datasets:
        - name: near
          type: synthetic
          dimensions: 4
          normal: {count: 200}
          anomalies: {count: 20, mean: 2}
        - name: far
          type: synthetic
          dimensions: 4
          normal: {count: 200}
          anomalies: {count: 20, mean: 4}
      scaler: standard
      detectors:
        - name: dist
          type: distance
          grid: {jitter: [0.0, 5.0]}
      thresholders:
        - {type: mean_std, k: 3}
        - {type: percentile, q: 99}
      """;

  @TempDir
  Path temp;

  static ExperimentSpec spec(String yaml) {
    return new SpecReader(registry()).read(Path.of("grid-test.yaml"), yaml);
  }

  RunSummary run(String yaml, Path out, int workers, boolean fresh) {
    return new ExperimentRunner(spec(yaml), new DataContext(temp, temp), out, RunListener.SILENT,
        new ExperimentRunner.Settings(workers, fresh)).run();
  }

  @Test
  void gridAndThresholdersExpandIntoRowsInAFixedOrder() {
    ExperimentSpec spec = spec(SPEC);
    assertEquals(List.of("dist(jitter=0.0)", "dist(jitter=5.0)"),
        spec.detectors().stream().map(c -> c.name()).toList());
    RunSummary summary = run(SPEC, temp.resolve("out"), 1, false);
    // 2 datasets x 3 seeds x 2 detectors = 12 cells, x 2 thresholders = 24 rows.
    assertEquals(24, summary.results().size());
    ResultRow first = summary.results().get(0);
    assertEquals(List.of("near", "dist(jitter=0.0)", 1L, "mean_std"),
        List.of(first.dataset(), first.detector(), first.seed(), first.thresholder()));
    assertEquals("percentile", summary.results().get(1).thresholder());
    assertTrue(summary.results().stream().allMatch(r -> r.measure("roc_auc") > 0.8), "the planted anomalies rank high");
  }

  @Test
  void resultsDoNotDependOnTheNumberOfWorkers() throws IOException {
    run(SPEC, temp.resolve("one"), 1, false);
    run(SPEC, temp.resolve("two"), 2, false);
    assertEquals(withoutTimings(temp.resolve("one/results.csv")), withoutTimings(temp.resolve("two/results.csv")));
    assertEquals(Files.readString(temp.resolve("one/results.json")).replaceAll("\"(fit|score)_seconds\" : [0-9.E-]+", ""),
        Files.readString(temp.resolve("two/results.json")).replaceAll("\"(fit|score)_seconds\" : [0-9.E-]+", ""));
  }

  @Test
  void aRerunResumesOnlyTheMissingCells() throws IOException {
    Path out = temp.resolve("out");
    run(SPEC, out, 2, false);
    List<String> before = withoutTimings(out.resolve("results.csv"));
    List<Path> stored;
    try (Stream<Path> files = Files.list(out.resolve("cells"))) {
      stored = files.sorted().toList();
    }
    assertEquals(12, stored.size());
    // Simulate an interruption that lost three cells.
    for (Path p : stored.subList(0, 3)) {
      Files.delete(p);
    }
    FITS.set(0);
    run(SPEC, out, 2, false);
    assertEquals(3, FITS.get(), "only the missing cells are fitted again");
    assertEquals(before, withoutTimings(out.resolve("results.csv")));
    assertTrue(Files.readString(out.resolve("run.json")).contains("\"reused\" : 9"));

    FITS.set(0);
    run(SPEC, out, 2, true);
    assertEquals(12, FITS.get(), "--fresh runs everything");
  }

  @Test
  void changingAnOptionRerunsOnlyTheCellsItAffects() {
    Path out = temp.resolve("out");
    run(SPEC, out, 1, false);
    FITS.set(0);
    run(SPEC.replace("jitter: [0.0, 5.0]", "jitter: [0.0, 6.0]"), out, 1, false);
    assertEquals(6, FITS.get(), "the 6 cells of the changed variant");
  }

  @Test
  void aFailingCellIsRecordedAndTheOthersGoOn() {
    RunSummary summary = run(SPEC.replace("grid: {jitter: [0.0, 5.0]}", "fail_on_seed: 2"),
        temp.resolve("out"), 2, false);
    List<ResultRow> failed = summary.results().stream().filter(ResultRow::failed).toList();
    // Seed 2 of both datasets, under both thresholders.
    assertEquals(4, failed.size());
    assertTrue(failed.stream().allMatch(r -> r.seed() == 2 && r.error().equals("planted failure")));
    assertEquals(8, summary.results().size() - failed.size());
  }

  @Test
  void thresholdsAreFittedOnTheScoresTheSpecNames() {
    String yaml = SPEC.replace("  - {type: mean_std, k: 3}\n  - {type: percentile, q: 99}\n",
        "  - {name: top20, type: percentile, q: 80, fit_on: test}\n"
            + "  - {name: train99, type: percentile, q: 99, fit_on: train}\n");
    RunSummary summary = run(yaml, temp.resolve("out"), 1, false);
    assertEquals(24, summary.results().size());
    for (ResultRow r : summary.results()) {
      int flagged = r.threshold().counts().tp() + r.threshold().counts().fp();
      if (r.thresholder().equals("top20")) {
        assertEquals("test", r.threshold().fitOn());
        // Percentile 80 of the test scores themselves flags a fifth of the test rows.
        assertEquals(r.cell().sizes().testRows() / 5.0, flagged, 1.0);
      } else {
        assertEquals("train99", r.thresholder());
        assertEquals("train", r.threshold().fitOn());
      }
    }
  }

  @Test
  void extraMeasuresBecomeColumnsAndOraclesAreGatedAndMarked() throws IOException {
    String base = SPEC.replace("  - {type: mean_std, k: 3}\n  - {type: percentile, q: 99}\n",
        "  - {type: mean_std, k: 3}\n  - {type: best_f1}\n") + "metrics: [mcc, roc_auc_adjusted]\n";
    var refused = assertThrows(ad.eval.spec.SpecException.class, () -> spec(base));
    assertTrue(refused.getMessage().contains("add 'allow_oracle: true'"), refused.getMessage());

    RunSummary summary = run(base + "allow_oracle: true\n", temp.resolve("out"), 2, false);
    for (ResultRow r : summary.results()) {
      assertEquals(r.thresholder().equals("best_f1"), r.oracle());
      assertEquals(2.0 * r.measure("roc_auc") - 1.0, r.measure("roc_auc_adjusted"), 1e-12);
      assertTrue(Double.isFinite(r.measure("mcc")));
      if (r.oracle()) {
        assertEquals("test labels", r.threshold().fitOn());
        assertTrue(r.threshold().rule().startsWith("oracle: "), r.threshold().rule());
      }
    }
    String header = Files.readAllLines(temp.resolve("out/results.csv")).get(0);
    assertTrue(header.contains(",oracle,") && header.contains(",mcc,roc_auc_adjusted,epochs,fit_seconds,score_seconds"),
        header);
  }

  @Test
  void seriesAreEvaluatedOnPointsWithSeriesMetrics() throws IOException {
    writeWaves(temp);
    String yaml = """
        name: series-test
        seeds: [1]
        charts: false
        datasets:
          - {name: waves, type: series, paths: ["s*.csv"], window: 10, stride: 1, train_prefix: 150}
        protocol: {type: fixed, validation_fraction: 0.2}
        scaler: standard
        point_scores: max
        detectors:
          - {name: dist, type: distance, jitter: 0}
        thresholders:
          - {type: percentile, q: 99}
        """;
    RunSummary summary = run(yaml, temp.resolve("out"), 1, false);
    ResultRow r = summary.results().get(0);
    assertEquals(Status.OK, r.status(), r.error());
    assertEquals(2 * 150, r.cell().sizes().testRows(), "the test points after each file's training prefix");
    assertEquals(40, r.cell().sizes().testAnomalies());
    assertTrue(r.measure("roc_auc") > 0.9, "the noise bursts stand out: " + r.measure("roc_auc"));
    // Both bursts are caught; event-wise precision counts every false-positive point on its own.
    assertEquals(1.0, r.measure("event_recall"), r.toString());
    assertEquals((double) 2 / (2 + r.threshold().counts().fp()), r.measure("event_precision"), 1e-12);
    assertTrue(r.measure("pa_f1") >= r.measure("f1"), "point adjustment never lowers F1");
  }

  @Test
  void categoriesUnseenInTrainingAreCountedNotFatal() throws IOException {
    StringBuilder csv = new StringBuilder("x,kind,label\n");
    Random random = new Random(3);
    for (int i = 0; i < 300; i++) {
      boolean anomalous = i % 30 == 0;
      String kind = anomalous && i > 150 ? "never-seen" : (i % 2 == 0 ? "a" : "b");
      csv.append(anomalous ? 5 + random.nextGaussian() : random.nextGaussian()).append(',').append(kind)
          .append(',').append(anomalous ? 1 : 0).append('\n');
    }
    Files.writeString(temp.resolve("table.csv"), csv);
    String yaml = """
        name: categorical
        seeds: [1]
        charts: false
        datasets:
          - {name: table, type: csv, path: table.csv, categorical: [kind]}
        detectors:
          - {name: dist, type: distance, jitter: 0}
        """;
    ResultRow r = run(yaml, temp.resolve("out"), 1, false).results().get(0);
    assertEquals(Status.OK, r.status(), r.error());
    // Rows 180, 210, 240 and 270: anomalies (all in test, novelty protocol) of a kind training never saw.
    assertEquals(4, r.cell().sizes().unseenCategories());
    assertTrue(r.measure("roc_auc") > 0.9);
  }

  @Test
  void contaminatedTrainingReachesDetectorsWithoutLabels() {
    // The unsupervised protocol trains on anomalies too; labels are for evaluation only, so the
    // detector (which refuses rows labelled anomalous) must get the training rows unlabelled.
    RunSummary summary = run(SPEC.replace("scaler: standard", "scaler: standard\nprotocol: {type: unsupervised}"),
        temp.resolve("out"), 2, false);
    assertTrue(summary.results().stream().noneMatch(ResultRow::failed),
        summary.results().stream().map(ResultRow::error).distinct().toList().toString());
    assertTrue(summary.results().stream().allMatch(r -> r.measure("roc_auc") > 0.8));
  }

  @Test
  void perFileModelsFollowEachSeriesOwnNormalLevel() throws IOException {
    // Two series at different operating levels (SKAB's experiments differ like this): a model and
    // scaler shared by both see the higher one as one long anomaly; one per file does not.
    for (int f = 0; f < 2; f++) {
      StringBuilder csv = new StringBuilder("timestamp,value,label\n");
      Random random = new Random(f);
      for (int t = 0; t < 300; t++) {
        boolean anomalous = t >= 200 && t < 220;
        double level = f == 0 ? 0 : 0.5 + t / 300.0;
        double v = level + Math.sin(t / 5.0) + (anomalous ? 3 * random.nextGaussian() : 0.05 * random.nextGaussian());
        csv.append(t).append(',').append(v).append(',').append(anomalous ? 1 : 0).append('\n');
      }
      Files.writeString(temp.resolve("level" + f + ".csv"), csv);
    }
    String yaml = """
        name: per-file
        seeds: [1]
        charts: false
        datasets:
          - {name: levels, type: series, paths: ["level*.csv"], window: 10, train_prefix: 150}
        protocol: {type: fixed, train_on: all, validation_fraction: 0.0}
        scaler: standard
        point_scores: min
        detectors:
          - {name: dist, type: distance, jitter: 0}
        thresholders:
          - {type: percentile, q: 99, factor: 1.5, fit_on: train}
        """;
    ResultRow shared = run(yaml, temp.resolve("shared"), 1, false).results().get(0);
    ResultRow perFile = run(yaml + "series_models: per_file\n", temp.resolve("per-file"), 1, false)
        .results().get(0);
    assertEquals(Status.OK, perFile.status(), perFile.error());
    assertEquals(shared.cell().sizes().testRows(), perFile.cell().sizes().testRows());
    assertTrue(perFile.threshold().rule().endsWith("per file (2 files)"), perFile.threshold().rule());
    assertTrue(perFile.measure("far") < shared.measure("far") && perFile.measure("f1") > shared.measure("f1"),
        "per file: F1 " + perFile.measure("f1") + ", FAR " + perFile.measure("far") + "; shared: F1 "
            + shared.measure("f1") + ", FAR "
            + shared.measure("far"));
  }

  @Test
  void seriesModelsThatCannotBeSavedAreNamedOncePerCell() throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,value,label\n");
    for (int t = 0; t < 200; t++) {
      csv.append(t).append(',').append(Math.sin(t / 5.0)).append(',').append(t >= 150 && t < 160 ? 1 : 0).append('\n');
    }
    Files.writeString(temp.resolve("wave.csv"), csv);
    String yaml = """
        name: series-save
        seeds: [1]
        charts: false
        save_models: true
        datasets:
          - {name: wave, type: series, paths: [wave.csv], window: 10, train_prefix: 100}
        protocol: {type: fixed, train_on: all, validation_fraction: 0.0}
        detectors:
          - {name: dist, type: distance, jitter: 0}
        thresholders:
          - {type: percentile, q: 99, fit_on: train}
        """;
    for (String models : List.of("", "series_models: per_file\n")) {
      List<String> warnings = new ArrayList<>();
      Path out = temp.resolve(models.isEmpty() ? "shared" : "per-file");
      RunSummary summary = new ExperimentRunner(spec(yaml + models), new DataContext(temp, temp), out,
          new RunListener() {
            @Override
            public void warn(String message) {
              warnings.add(message);
            }
          }, ExperimentRunner.Settings.DEFAULT).run();
      assertEquals(Status.OK, summary.results().get(0).status(), summary.results().get(0).error());
      // Series pipelines are saved (see PipelineSeriesTest); this test detector's models are not.
      assertEquals(List.of("models of type 'distance' cannot be saved yet; 'dist' on 'wave' was not written to "
          + "models/"), warnings, models);
      if (Files.exists(out.resolve("models"))) {
        try (Stream<Path> saved = Files.list(out.resolve("models"))) {
          assertEquals(List.of(), saved.toList());
        }
      }
    }
  }

  @Test
  void aThresholderThatCannotFitFailsOnlyItsOwnRow() {
    // SPOT needs at least 10 reference scores above its initial quantile: 40 validation rows cannot
    // give that, so its rows fail with the reason while mean_std's rows stand, and the cell is stored.
    String yaml = SPEC.replace("  - {type: mean_std, k: 3}\n  - {type: percentile, q: 99}\n",
        "  - {type: mean_std, k: 3}\n  - {type: spot, initial_quantile: 0.98}\n");
    RunSummary summary = run(yaml, temp.resolve("out"), 1, false);
    for (ResultRow r : summary.results()) {
      if (r.thresholder().equals("spot")) {
        assertTrue(r.failed() && r.error().startsWith("thresholder 'spot': spot needs at least 10"), r.error());
      } else {
        assertEquals(Status.OK, r.status(), r.error());
      }
    }
    FITS.set(0);
    run(yaml, temp.resolve("out"), 1, false);
    assertEquals(0, FITS.get(), "cells whose model fitted are kept, not refitted");
  }

  @Test
  void twoRunsCannotShareAnOutputFolder() {
    Path out = temp.resolve("out");
    try (RunLock held = RunLock.acquire(out)) {
      UserException e = assertThrows(UserException.class, () -> run(SPEC, out, 1, false));
      assertTrue(e.getMessage().contains("in use by another ad run"), e.getMessage());
    }
    run(SPEC, out, 1, false);
  }

  @Test
  void cellIdsFollowContentNotOrder() {
    ExperimentSpec a = spec(SPEC);
    ExperimentSpec b = spec(SPEC.replace("seeds: [1, 2, 3]", "seeds: [3, 2, 1]"));
    assertEquals(a.detectors().size(), b.detectors().size());
    var idsA = CellPlan.of(a).stream().map(ad.eval.cell.CellSpec::id).sorted().toList();
    var idsB = CellPlan.of(b).stream().map(ad.eval.cell.CellSpec::id).sorted().toList();
    assertEquals(idsA, idsB);
    assertNotEquals(CellPlan.of(a).get(0).id(), CellPlan.of(a).get(1).id());
    assertFalse(CellPlan.of(a).get(0).id().isEmpty());
  }

  @Test
  void aGridValueOutOfRangeIsLocatedInsideTheGrid() {
    var e = assertThrows(ad.eval.spec.SpecException.class,
        () -> spec(SPEC.replace("grid: {jitter: [0.0, 5.0]}", "grid:\n        jitter: [0.0, -5.0]")));
    assertEquals(20, e.line());
    assertTrue(e.getMessage().contains("'jitter' must be a finite number >= 0"), e.getMessage());
  }

  /** Two series of 300 points, s1.csv and s2.csv: a sine wave, with a burst of noise at points 200-219 (labelled). */
  static void writeWaves(Path folder) throws IOException {
    for (String name : List.of("s1.csv", "s2.csv")) {
      StringBuilder csv = new StringBuilder("timestamp,value,label\n");
      Random random = new Random(name.hashCode());
      for (int t = 0; t < 300; t++) {
        boolean anomalous = t >= 200 && t < 220;
        double v = Math.sin(t / 5.0) + (anomalous ? 3 * random.nextGaussian() : 0.05 * random.nextGaussian());
        csv.append(t).append(',').append(v).append(',').append(anomalous ? 1 : 0).append('\n');
      }
      Files.writeString(folder.resolve(name), csv);
    }
  }

  /** results.csv without its two timing columns (the last two). */
  static List<String> withoutTimings(Path csv) throws IOException {
    return Files.readAllLines(csv).stream()
        .map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)))
        .toList();
  }
}

package ad.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.UserException;
import ad.core.data.DataContext;
import ad.core.registry.ComponentType;
import ad.core.registry.Registry;
import ad.eval.cell.ImageSample;
import ad.eval.cell.Status;
import ad.eval.spec.SpecReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's image grid and series chart, SVG charts and the data checksums of run.json. */
class ReportFiguresTest {
  @TempDir
  Path temp;

  /**
   * Reconstructs every row halfway towards the training mean (an output that follows the input, as a
   * trained network's does; one constant output would fail the cell as a collapsed model); scores are
   * the squared distance to the mean.
   */
  record MeanDetector() implements Detector {
    @Override
    public DetectorModel fit(Dataset train, long seed) {
      float[] mean = new float[train.columns()];
      for (int i = 0; i < train.rows(); i++) {
        for (int j = 0; j < mean.length; j++) {
          mean[j] += train.value(i, j) / train.rows();
        }
      }
      return new DetectorModel() {
        @Override
        public Scores score(Dataset data) {
          double[] s = new double[data.rows()];
          for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < mean.length; j++) {
              double d = data.value(i, j) - mean[j];
              s[i] += d * d;
            }
          }
          return new Scores(s);
        }

        @Override
        public Optional<Dataset> reconstruct(Dataset data) {
          float[] out = new float[data.rows() * mean.length];
          for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < mean.length; j++) {
              out[i * mean.length + j] = (data.value(i, j) + mean[j]) / 2;
            }
          }
          return Optional.of(data.withValues(out));
        }
      };
    }
  }

  /** Fails every cell, or with {@code columns} set, only the cells of data with that many columns. */
  record BrokenDetector(Integer columns) implements Detector {
    @Override
    public DetectorModel fit(Dataset train, long seed) {
      if (columns == null || train.columns() == columns) {
        throw new UserException("planted failure");
      }
      return new MeanDetector().fit(train, seed);
    }
  }

  static Registry registry() {
    List<ComponentType<?, ?>> all = new ArrayList<>(new ad.core.CoreComponents().components());
    all.addAll(new ad.eval.threshold.ThresholderComponents().components());
    all.add(ComponentType.of(Detector.class, "mean", "for tests", MeanDetector.class, d -> d));
    all.add(ComponentType.of(Detector.class, "broken", "for tests", BrokenDetector.class, d -> d));
    return new Registry(all);
  }

  private RunSummary run(String yaml) {
    return run(yaml, temp.resolve("out"));
  }

  private RunSummary run(String yaml, Path out) {
    return new ExperimentRunner(new SpecReader(registry()).read(temp.resolve("spec.yaml"), yaml),
        new DataContext(temp, temp), out, RunListener.SILENT, new ExperimentRunner.Settings(1, false)).run();
  }

  @Test
  void imagesGetAGridInTheReportAndRunJsonListsTheirChecksums() throws Exception {
    writeIdx("tiny", 8, 8, 80);
    String yaml = """
        name: images
        seeds: [1, 2]
        chart_format: svg
        datasets:
          - {name: tiny, type: idx_images, images: tiny-images.idx, labels: tiny-labels.idx, normal_classes: [0]}
        detectors:
          - {name: mean, type: mean}
        thresholders:
          - {type: percentile, q: 95}
        """;
    RunSummary summary = run(yaml);
    assertEquals(Status.OK, summary.results().get(0).status(), summary.results().get(0).error());
    Path charts = temp.resolve("out/charts");
    List<Path> grids;
    try (var files = Files.list(charts)) {
      grids = files.filter(p -> p.getFileName().toString().startsWith("images-")).sorted().toList();
    }
    assertEquals(2, grids.size(), "first seed only, PNG and SVG: " + grids);
    assertTrue(grids.stream().anyMatch(p -> p.toString().endsWith(".svg")));
    String report = Files.readString(temp.resolve("out/report.html"));
    assertTrue(report.contains("most anomalous test images"), "the grid is in the report");
    try (var files = Files.list(charts)) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("roc-")
          && p.toString().endsWith(".svg")), "chart_format: svg writes SVGs of every chart");
    }
    // Only the 8 images are kept in the stored cell.
    JsonNode cell;
    try (var files = Files.list(temp.resolve("out/cells"))) {
      cell = new ObjectMapper().readTree(files.filter(p -> {
        try {
          return Files.readString(p).contains("\"images\":{");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).findFirst().orElseThrow().toFile());
    }
    assertEquals(ImageSample.IMAGES, cell.at("/curves/images/originals").size());

    JsonNode run = new ObjectMapper().readTree(temp.resolve("out/run.json").toFile());
    JsonNode files = run.get("data_files");
    assertEquals(2, files.size(), files.toString());
    Path images = temp.resolve("tiny-images.idx").toAbsolutePath().normalize();
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(images)));
    boolean found = false;
    for (JsonNode f : files) {
      if (f.get("path").asText().equals(images.toString())) {
        assertEquals(expected, f.get("sha256").asText());
        found = true;
      }
    }
    assertTrue(found, files.toString());
  }

  @Test
  void seriesGetASignalChartWithScoresAndLabels() throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,a,b,label\n");
    Random random = new Random(3);
    for (int t = 0; t < 300; t++) {
      boolean anomalous = t >= 200 && t < 220;
      csv.append(t).append(',').append(Math.sin(t / 5.0) + (anomalous ? 3 * random.nextGaussian() : 0))
          .append(',').append(Math.cos(t / 7.0)).append(',').append(anomalous ? 1 : 0).append('\n');
    }
    Files.writeString(temp.resolve("s1.csv"), csv);
    String yaml = """
        name: series
        seeds: [1]
        datasets:
          - {name: waves, type: series, paths: ["s1.csv"], window: 10, stride: 1, train_prefix: 150}
        protocol: {type: fixed, validation_fraction: 0.2}
        scaler: standard
        detectors:
          - {name: mean, type: mean}
        thresholders:
          - {type: percentile, q: 99}
        """;
    RunSummary summary = run(yaml);
    assertEquals(Status.OK, summary.results().get(0).status(), summary.results().get(0).error());
    try (var files = Files.list(temp.resolve("out/charts"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertTrue(names.stream().anyMatch(n -> n.startsWith("series-") && n.endsWith(".png")), names.toString());
      assertFalse(names.stream().anyMatch(n -> n.endsWith(".svg")), "PNG only by default");
    }
    assertTrue(Files.readString(temp.resolve("out/report.html")).contains("Test points of s1.csv"));
    JsonNode cell;
    try (var files = Files.list(temp.resolve("out/cells"))) {
      cell = new ObjectMapper().readTree(files.findFirst().orElseThrow().toFile());
    }
    JsonNode series = cell.at("/curves/series");
    assertEquals(150, series.get("points").size(), "the test points of the file");
    assertEquals(2, series.get("channels").size());
  }

  /**
   * A detector whose every cell failed has no column in the ROC AUC heat map (an empty column would
   * look like a chart that lost its values): the chart is the one of the same run without it, and its
   * caption says it is left out. Its failures stay in the dataset sections. A detector that failed on
   * one dataset only keeps its column.
   */
  @Test
  void aDetectorThatFailedEverywhereIsLeftOutOfTheRocHeatMapWithALineSayingSo() throws IOException {
    String yaml = """
        name: failing
        seeds: [1, 2]
        datasets:
          - {name: three, type: synthetic, dimensions: 3, normal: {count: 120}, anomalies: {count: 6, mean: 4}}
          - {name: four, type: synthetic, dimensions: 4, normal: {count: 120}, anomalies: {count: 6, mean: 4}}
        detectors:
          - {name: mean, type: mean}
          - {name: hopeless, type: broken}
          - {name: picky, type: broken, columns: 3}
        thresholders:
          - {type: percentile, q: 95}
        """;
    RunSummary summary = run(yaml, temp.resolve("with"));
    assertEquals(12, summary.results().size());
    assertEquals(6, summary.failedCount(), "hopeless everywhere, picky on 'three'");
    run(yaml.replace("  - {name: hopeless, type: broken}\n", ""), temp.resolve("without"));
    byte[] heatmap = Files.readAllBytes(temp.resolve("with/charts/overview-roc_auc.png"));
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(temp.resolve("without/charts/overview-roc_auc.png")),
        heatmap), "the heat map is the one of the run without the detector that always failed");
    String report = Files.readString(temp.resolve("with/report.html"));
    assertTrue(report.contains("beside it). Not shown, as every cell of theirs failed (each dataset&#39;s section "
        + "says why): hopeless.</figcaption>"), report);
    assertFalse(Files.readString(temp.resolve("without/report.html")).contains("Not shown"),
        "no such line when every detector has values (picky has on 'four')");
    // The failure sections are as before: each dataset names the failed cells and why.
    assertTrue(report.contains("<li>hopeless failed (seed 1, seed 2): planted failure</li>"), report);
    assertTrue(report.contains("<li>picky failed (seed 1, seed 2): planted failure</li>"), report);
  }

  /**
   * A detector whose every cell failed is not ranked either: it has a ROC AUC on no dataset, so ranking
   * it would leave out every dataset and rank nobody. The others are ranked over the datasets where
   * each of them has a ROC AUC, and the rank table names the one left out.
   */
  @Test
  void aDetectorThatFailedEverywhereIsLeftOutOfTheRanksWithALineSayingSo() throws IOException {
    String yaml = """
        name: ranks
        seeds: [1]
        charts: false
        datasets:
          - {name: three, type: synthetic, dimensions: 3, normal: {count: 120}, anomalies: {count: 6, mean: 4}}
          - {name: four, type: synthetic, dimensions: 4, normal: {count: 120}, anomalies: {count: 6, mean: 4}}
          - {name: five, type: synthetic, dimensions: 5, normal: {count: 120}, anomalies: {count: 6, mean: 3}}
        detectors:
          - {name: mean, type: mean}
          - {name: hopeless, type: broken}
          - {name: sturdy, type: broken, columns: 9}
        thresholders:
          - {type: percentile, q: 95}
        """;
    run(yaml, temp.resolve("ranks"));
    String report = Files.readString(temp.resolve("ranks/report.html"));
    assertTrue(report.contains("Average rank by ROC AUC over 3 datasets (1 = best); not ranked, as every cell of "
        + "theirs failed: hopeless"), report);
    assertTrue(report.contains("Friedman test and Nemenyi critical difference"), report);
    assertFalse(report.contains("Friedman and Nemenyi need at least"), report);
  }

  @Test
  void aBadChartFormatIsALocatedError() {
    UserException e = org.junit.jupiter.api.Assertions.assertThrows(UserException.class,
        () -> new SpecReader(registry()).read(temp.resolve("spec.yaml"), """
            name: x
            seeds: [1]
            chart_format: jpeg
            datasets:
              - {name: d, type: synthetic, dimensions: 2, normal: {count: 20}, anomalies: {count: 2}}
            detectors:
              - {name: mean, type: mean}
            """));
    assertTrue(e.getMessage().contains("chart_format") && e.getMessage().contains("jpeg"), e.getMessage());
  }

  /** Tiny IDX files {@code <prefix>-images.idx} / {@code -labels.idx}: class 1 every fourth image. */
  private void writeIdx(String prefix, int height, int width, int count) throws IOException {
    ByteArrayOutputStream images = new ByteArrayOutputStream();
    ByteArrayOutputStream labels = new ByteArrayOutputStream();
    try (DataOutputStream im = new DataOutputStream(images); DataOutputStream lb = new DataOutputStream(labels)) {
      im.writeInt(2051);
      im.writeInt(count);
      im.writeInt(height);
      im.writeInt(width);
      lb.writeInt(2049);
      lb.writeInt(count);
      for (int i = 0; i < count; i++) {
        int label = i % 4 == 3 ? 1 : 0;
        lb.writeByte(label);
        for (int p = 0; p < height * width; p++) {
          im.writeByte(label == 1 ? 250 : (i * 7 + p * 3) % 60);
        }
      }
    }
    Files.write(temp.resolve(prefix + "-images.idx"), images.toByteArray());
    Files.write(temp.resolve(prefix + "-labels.idx"), labels.toByteArray());
  }
}

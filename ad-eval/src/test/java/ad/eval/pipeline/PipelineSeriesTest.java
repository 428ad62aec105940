package ad.eval.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.CoreComponents;
import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.UserException;
import ad.core.data.DataContext;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.core.registry.ComponentType;
import ad.core.registry.NoOptions;
import ad.core.registry.Registry;
import ad.core.series.Aggregation;
import ad.eval.cell.ResultRow;
import ad.eval.cell.Status;
import ad.eval.run.ExperimentRunner;
import ad.eval.run.RunListener;
import ad.eval.run.RunSummary;
import ad.eval.spec.SpecReader;
import ad.eval.threshold.ThresholderComponents;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Series pipelines saved by a real run (shared and per file), loaded, and scored again from the raw
 * series files give the run's own point scores bit for bit, for every aggregation, with strides that
 * leave an extra last window and scoring batches that cut the windows anywhere.
 */
class PipelineSeriesTest {
  /** Mean squared distance of a window to the training mean; explains per feature. Saveable. */
  record Centroid() implements Detector {
    @Override
    public DetectorModel fit(Dataset train, long seed) {
      double[] sum = new double[train.columns()];
      for (int i = 0; i < train.rows(); i++) {
        for (int j = 0; j < sum.length; j++) {
          sum[j] += train.value(i, j);
        }
      }
      float[] mean = new float[sum.length];
      for (int j = 0; j < mean.length; j++) {
        mean[j] = (float) (sum[j] / train.rows());
      }
      return new Model(mean);
    }

    @Override
    public DetectorModel load(StateReader in) {
      return new Model(in.floats("mean"));
    }
  }

  record Model(float[] mean) implements DetectorModel {
    @Override
    public Scores score(Dataset data) {
      double[] s = new double[data.rows()];
      for (int i = 0; i < s.length; i++) {
        for (int j = 0; j < mean.length; j++) {
          float d = data.value(i, j) - mean[j];
          s[i] += d * d;
        }
        s[i] /= mean.length;
      }
      return new Scores(s);
    }

    @Override
    public Optional<FeatureErrors> explain(Dataset data) {
      float[] e = new float[data.rows() * mean.length];
      for (int i = 0; i < data.rows(); i++) {
        for (int j = 0; j < mean.length; j++) {
          float d = data.value(i, j) - mean[j];
          e[i * mean.length + j] = d * d;
        }
      }
      return Optional.of(new FeatureErrors(data.rows(), mean.length, e, data.featureNames()));
    }

    @Override
    public boolean canSave() {
      return true;
    }

    @Override
    public void save(StateWriter out) {
      out.floats("mean", mean);
    }
  }

  static Registry registry() {
    List<ComponentType<?, ?>> all = new ArrayList<>(new CoreComponents().components());
    all.addAll(new ThresholderComponents().components());
    all.add(ComponentType.of(Detector.class, "centroid", "for tests", NoOptions.class, o -> new Centroid()));
    return new Registry(all);
  }

  /**
   * Three machines of different lengths (so that stride 3 leaves an extra last window on two; m3's 430
   * windows are scored in two batches, points waiting across them).
   */
  static final Map<String, Integer> LENGTHS = Map.of("m1.csv", 230, "m2.csv", 257, "m3.csv", 1301);

  static final String SPEC = """
      name: machines
      seeds: [1]
      charts: false
      save_models: true
      save_point_scores: true
      point_scores: %s
      datasets:
        - name: machines
          type: series
          paths: ["m*.csv"]
          drop: [note]
          window: 12
          stride: 3
          train_prefix: 100
      protocol: {type: fixed, train_on: all, validation_fraction: 0.2}
      scaler: standard
      detectors: [centroid]
      thresholders:
        - {type: percentile, q: 99}
        - {type: mean_std, k: 3}
      """;

  @TempDir
  Path temp;

  /**
   * Columns timestamp, vibration, note (dropped), current, label, pressure: three channels in an order
   * of their own; machine m3 runs at a higher level; a burst of noise at rows 150-169 is labelled.
   */
  void writeSeries() throws IOException {
    for (Map.Entry<String, Integer> e : LENGTHS.entrySet()) {
      Random random = new Random(e.getKey().hashCode());
      double level = e.getKey().equals("m3.csv") ? 2 : 0;
      StringBuilder csv = new StringBuilder("timestamp,vibration,note,current,label,pressure\n");
      for (int t = 0; t < e.getValue(); t++) {
        boolean anomalous = t >= 150 && t < 170;
        double noise = anomalous ? 2 : 0.05;
        csv.append("2024-01-01T").append(t).append(',')
            .append(level + Math.sin(t / 4.0) + noise * random.nextGaussian()).append(",n").append(t).append(',')
            .append(level + Math.cos(t / 6.0) + noise * random.nextGaussian()).append(',').append(anomalous ? 1 : 0)
            .append(',').append(1 + 0.1 * random.nextGaussian()).append('\n');
      }
      Files.writeString(temp.resolve(e.getKey()), csv);
    }
  }

  /** Runs the spec; returns the output folder. */
  Path run(String aggregation, String extra, String folder) throws IOException {
    Path out = temp.resolve(folder);
    RunSummary summary = new ExperimentRunner(new SpecReader(registry()).read(temp.resolve("m.yaml"),
        SPEC.formatted(aggregation) + extra), new DataContext(temp, temp), out, RunListener.SILENT,
        ExperimentRunner.Settings.DEFAULT).run();
    for (ResultRow r : summary.results()) {
      assertEquals(Status.OK, r.status(), r.error());
    }
    return out;
  }

  /** The run's point scores of {@code file}: 1-based row -> score text. */
  static Map<Long, String> runScores(Path out, String file) throws IOException {
    Map<Long, String> scores = new HashMap<>();
    try (Stream<Path> files = Files.list(out.resolve("points"))) {
      Path points = files.findFirst().orElseThrow();
      List<String> lines = Files.readAllLines(points);
      assertEquals("file,row,label,score", lines.get(0));
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        if (cells[0].equals(file)) {
          scores.put(Long.parseLong(cells[1]), cells[3]);
        }
      }
    }
    return scores;
  }

  /** Scores {@code file} with {@code pipeline}, {@code batch} windows at a time: output lines. */
  List<String> score(Pipeline pipeline, String file, int batch, int topK) throws IOException {
    StringWriter out = new StringWriter();
    SeriesScorer.Summary summary = new SeriesScorer(pipeline, null, batch, topK).score(temp.resolve(file), file,
        null, out, n -> { });
    assertEquals(LENGTHS.get(file).longValue(), summary.points());
    assertEquals(0, summary.uncovered());
    // Windows at 0, 3, ... and one ending at the last row when the stride does not reach it.
    int length = LENGTHS.get(file);
    assertEquals((length - 12) / 3 + 1 + ((length - 12) % 3 == 0 ? 0 : 1), summary.windows());
    return out.toString().lines().toList();
  }

  /** Every point the run evaluated in {@code file} has the same score (same text: same bits) when scored again. */
  static void assertSameScores(Map<Long, String> inRun, List<String> scored, String file) {
    assertEquals(LENGTHS.get(file) - 100, inRun.size(), "the run evaluated the points after the training prefix");
    for (Map.Entry<Long, String> e : inRun.entrySet()) {
      String[] cells = scored.get(e.getKey().intValue()).split(",");
      assertEquals(Long.toString(e.getKey()), cells[0]);
      assertEquals(e.getValue(), cells[1], file + " row " + e.getKey());
    }
  }

  @Test
  void sharedPipelineScoresRawSeriesFilesExactlyAsTheRunDid() throws IOException {
    writeSeries();
    for (String aggregation : List.of("mean", "max", "min")) {
      Path out = run(aggregation, "", "shared-" + aggregation);
      Path file;
      try (Stream<Path> models = Files.list(out.resolve("models"))) {
        List<Path> all = models.toList();
        assertEquals(List.of(out.resolve("models/machines-centroid-seed1.adp")), all);
        file = all.get(0);
      }
      Pipeline pipeline = PipelineFile.read(file, registry());
      assertTrue(pipeline.isSeries());
      assertEquals(new Windowing(12, 3, Aggregation.parse("a", aggregation), "timestamp"), pipeline.windowing());
      assertEquals(List.of("vibration", "current", "pressure"), pipeline.inputs().numeric());
      assertEquals(List.of("note"), pipeline.inputs().dropped());
      assertEquals("label", pipeline.inputs().label());
      assertEquals(List.of("m1.csv", "m2.csv", "m3.csv"), pipeline.provenance().get("series_files"));
      assertEquals(List.of("percentile", "mean_std"), pipeline.thresholds().stream()
          .map(Pipeline.NamedThreshold::name).toList());
      for (String series : LENGTHS.keySet()) {
        // Batches of 7 windows are rounded to a chunk of 256.
        List<String> lines = score(pipeline, series, 7, 2);
        assertEquals("row,score,anomalous,top1_channel,top1_error,top2_channel,top2_error", lines.get(0));
        assertEquals(LENGTHS.get(series) + 1, lines.size());
        assertSameScores(runScores(out, series), lines, series);
        assertEquals(lines, score(pipeline, series, 10_000, 2), "the batch size changes nothing");
      }
    }
  }

  @Test
  void perFilePipelinesEachScoreTheirOwnMachineExactlyAsTheRunDid() throws IOException {
    writeSeries();
    Path out = run("min", "series_models: per_file\n", "per-file");
    List<String> names = new ArrayList<>();
    try (Stream<Path> models = Files.list(out.resolve("models"))) {
      models.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    assertEquals(List.of("machines-centroid-seed1--m1.adp", "machines-centroid-seed1--m2.adp",
        "machines-centroid-seed1--m3.adp"), names);
    List<Double> thresholds = new ArrayList<>();
    for (String series : List.of("m1", "m2", "m3")) {
      Pipeline pipeline = PipelineFile.read(out.resolve("models/machines-centroid-seed1--" + series + ".adp"),
          registry());
      assertEquals(series + ".csv", pipeline.provenance().get("series_file"));
      assertEquals(100, pipeline.provenance().get("train_points"));
      thresholds.add(pipeline.thresholds().get(0).threshold().value());
      List<String> lines = score(pipeline, series + ".csv", 5, 0);
      assertEquals("row,score,anomalous", lines.get(0));
      assertSameScores(runScores(out, series + ".csv"), lines, series + ".csv");
      // Decisions by the file's own threshold: the noise burst is flagged, most quiet points are not.
      assertEquals("1", lines.get(160).split(",")[2], lines.get(160));
      assertTrue(lines.stream().skip(1).filter(l -> l.endsWith(",1")).count() < lines.size() / 3, lines.toString());
    }
    assertNotEquals(thresholds.get(0), thresholds.get(2), "each machine has its own threshold");
  }

  @Test
  void seriesFilesAreFormatVersionThreeAndTheirWindowingMustMatchTheirFeatures() throws IOException {
    writeSeries();
    Path file = run("mean", "", "out").resolve("models/machines-centroid-seed1.adp");
    String manifest = manifest(file);
    assertEquals(3, PipelineFile.SERIES_VERSION);
    assertTrue(manifest.contains("\"format_version\" : 3,"), manifest);
    assertTrue(manifest.contains("\"series\" : {"), manifest);
    assertTrue(manifest.contains("\"window\" : 12,") && manifest.contains("\"stride\" : 3,")
        && manifest.contains("\"point_scores\" : \"mean\"") && manifest.contains("\"timestamp_column\" : \"timestamp\""),
        manifest);
    assertTrue(manifest.contains("\"numeric\" : [ \"vibration\", \"current\", \"pressure\" ]"), manifest);
    // (An ad that reads up to version 2 refuses it with "upgrade", as it does categorical files.)
    Path wider = rewriteManifest(file, "wider.adp", m -> m.replace("\"window\" : 12", "\"window\" : 13"));
    UserException e = assertThrows(UserException.class, () -> PipelineFile.read(wider, registry()));
    assertTrue(e.getMessage().contains("wider.adp is corrupt: its channels [vibration, current, pressure] over "
        + "windows of 13 are not its 36 features"), e.getMessage());
    Path strange = rewriteManifest(file, "strange.adp", m -> m.replace("\"point_scores\" : \"mean\"",
        "\"point_scores\" : \"median\""));
    e = assertThrows(UserException.class, () -> PipelineFile.read(strange, registry()));
    assertTrue(e.getMessage().contains("strange.adp is corrupt: its series 'point_scores' must be one of"),
        e.getMessage());
    Path scalar = rewriteManifest(file, "rows.adp", m -> m.replaceAll("(?s)\"series\" : \\{[^}]*},?", ""));
    e = assertThrows(UserException.class, () -> PipelineFile.read(scalar, registry()));
    assertTrue(e.getMessage().contains("rows.adp is corrupt"), e.getMessage());
  }

  @Test
  void aSeriesShorterThanAWindowOrWithoutAChannelIsAUserError() throws IOException {
    writeSeries();
    Pipeline pipeline = PipelineFile.read(run("mean", "", "out").resolve("models/machines-centroid-seed1.adp"),
        registry());
    Path shortFile = temp.resolve("short.csv");
    List<String> rows = Files.readAllLines(temp.resolve("m1.csv")).subList(0, 12);
    Files.write(shortFile, rows);
    StringWriter out = new StringWriter();
    UserException e = assertThrows(UserException.class, () -> new SeriesScorer(pipeline, null, 64, 3)
        .score(shortFile, "short.csv", null, out, n -> { }));
    assertEquals("short.csv: 11 rows, fewer than one window of 12: the model scores windows of 12 consecutive "
        + "rows, so no point can be scored", e.getMessage());
    assertEquals("", out.toString(), "nothing written");

    Path noPressure = temp.resolve("no-pressure.csv");
    Files.writeString(noPressure, "timestamp,vibration,current,label\n1,0.1,0.2,0\n");
    e = assertThrows(UserException.class, () -> new SeriesScorer(pipeline, null, 64, 3)
        .score(noPressure, "no-pressure.csv", null, new StringWriter(), n -> { }));
    assertEquals("no-pressure.csv: the model needs channel column 'pressure', which the header lacks: the model "
        + "reads windows of 12 rows of 3 channels (vibration, current, pressure); the input has 4 columns: "
        + "timestamp, vibration, current, label", e.getMessage());
  }

  @Test
  void newReadingsNeedOnlyTheChannelsAndAreNamedByTheirTimestamps() throws IOException {
    writeSeries();
    Pipeline pipeline = PipelineFile.read(run("max", "", "out").resolve("models/machines-centroid-seed1.adp"),
        registry());
    // The next hour: no label, no dropped column, channels in another order, 40 rows.
    StringBuilder csv = new StringBuilder("pressure,time,current,vibration\n");
    for (int t = 0; t < 40; t++) {
      double spike = t == 30 ? 9 : 0;
      csv.append(1.0).append(",t").append(t).append(',').append(Math.cos(t / 6.0)).append(',')
          .append(Math.sin(t / 4.0) + spike).append('\n');
    }
    Files.writeString(temp.resolve("next.csv"), csv);
    StringWriter out = new StringWriter();
    SeriesScorer.Summary summary = new SeriesScorer(pipeline, null, 4, 1).score(temp.resolve("next.csv"),
        "next.csv", "time", out, n -> { });
    List<String> lines = out.toString().lines().toList();
    assertEquals("time,score,anomalous,top1_channel,top1_error", lines.get(0));
    assertEquals(41, lines.size());
    assertEquals(40, summary.points());
    assertEquals(11, summary.windows(), "starts 0, 3, ..., 27 and the last one at 28");
    assertTrue(lines.get(31).startsWith("t30,"), lines.get(31));
    assertEquals("vibration", lines.get(31).split(",")[3], "the spike is in the vibration channel");
    assertEquals("1", lines.get(31).split(",")[2]);
    assertTrue(summary.flagged() >= 12, "max: every point of a window with the spike is flagged");
  }

  @Test
  void pointsBetweenWindowsHaveNoScore() throws IOException {
    writeSeries();
    String spec = SPEC.replace("stride: 3", "stride: 20");
    Path out = temp.resolve("gaps");
    new ExperimentRunner(new SpecReader(registry()).read(temp.resolve("m.yaml"), spec.formatted("mean")),
        new DataContext(temp, temp), out, RunListener.SILENT, ExperimentRunner.Settings.DEFAULT).run();
    Pipeline pipeline = PipelineFile.read(out.resolve("models/machines-centroid-seed1.adp"), registry());
    StringWriter scored = new StringWriter();
    SeriesScorer.Summary summary = new SeriesScorer(pipeline, null, 3, 1).score(temp.resolve("m1.csv"), "m1.csv",
        null, scored, n -> { });
    List<String> lines = scored.toString().lines().toList();
    // Windows at 0, 20, ..., 200 and 218: rows 13-20, 33-40, ... lie between them.
    assertEquals(12, summary.windows());
    assertEquals(8 * 10 + 6, summary.uncovered());
    assertEquals("13,,,,", lines.get(13));
    assertFalse(lines.get(12).split(",")[1].isEmpty());
    Map<Long, String> inRun = runScores(out, "m1.csv");
    for (Map.Entry<Long, String> e : inRun.entrySet()) {
      assertEquals(e.getValue(), lines.get(e.getKey().intValue()).split(",")[1]);
    }
  }

  private static String manifest(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A copy of {@code source} with its manifest edited and re-signed (so only the content check can refuse it). */
  private Path rewriteManifest(Path source, String name, java.util.function.UnaryOperator<String> edit)
      throws IOException {
    Path target = temp.resolve(name);
    try (ZipFile in = new ZipFile(source.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      byte[] manifest = edit.apply(new String(in.getInputStream(in.getEntry("manifest.json")).readAllBytes(),
          StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(e.getName().equals("manifest.json") ? manifest
            : e.getName().equals("manifest.sha256") ? PipelineFile.sha256(manifest).getBytes(StandardCharsets.US_ASCII)
            : in.getInputStream(e).readAllBytes());
      }
    }
    return target;
  }
}

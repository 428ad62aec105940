package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.FeatureErrors;
import ad.core.data.csv.CsvReader;
import ad.core.registry.Registry;
import ad.core.series.Aggregation;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineFile;
import ad.eval.pipeline.SeriesScorer;
import ad.eval.pipeline.StreamingScorer;
import ad.eval.pipeline.Windowing;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model files written by an earlier ad keep loading and scoring as they did (as Tribuo keeps its old
 * models as test fixtures): each file of {@code fixtures/v1} and {@code fixtures/v2} (see their
 * READMEs) is read with today's {@link PipelineFile} and scores and explains the fixed rows it scored
 * when it was written; a series model of {@code v2} also scores the points of its series file as
 * {@code ad score} did then (its windowing, point aggregation and thresholds).
 *
 * <p>"As they did" means to float rounding, not bit for bit: the numbers were written on one machine,
 * and the engines' products and vector sums may round differently on another CPU (OpenBLAS kernels,
 * the Vector API's lane count). {@link #TOLERANCE} is relative and far below any change a wrong
 * layer, activation, key or option would cause.
 *
 * <p>Never regenerate the fixtures to make this test pass: a failure here means files users saved no
 * longer load as they did. A new format gets a new folder beside them.
 */
class ModelFileCompatibilityTest {
  /** Relative: a few float ulps of a score or error. */
  private static final double TOLERANCE = 1e-6;

  @TempDir
  static Path temp;

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"v1, dense.adp", "v1, denoising.adp", "v1, vae-gaussian.adp", "v1, vae-bernoulli.adp",
      "v1, conv2d-transposed.adp", "v1, conv2d-nearest.adp", "v1, conv1d-code.adp",
      "v2, lstm-native.adp", "v2, lstm-dl4j.adp"})
  void scoresAsWhenWritten(String version, String name) {
    Fixtures fixtures = new Fixtures(version);
    Pipeline pipeline = PipelineFile.read(fixtures.copy(name), Registry.load());
    Dataset rows = fixtures.rows(pipeline.featureNames().size());
    double[] scores = pipeline.score(rows).values();
    List<Double> expected = fixtures.expected("expected-scores.csv", name);
    assertEquals(expected.size(), scores.length, name);
    for (int r = 0; r < scores.length; r++) {
      assertClose(expected.get(r), scores[r], name + " row " + r + " score");
    }
    FeatureErrors errors = pipeline.explain(rows).orElseThrow();
    List<Double> expectedErrors = fixtures.expected("expected-errors.csv", name);
    int columns = errors.columns();
    assertEquals(expectedErrors.size(), errors.rows() * columns, name);
    for (int i = 0; i < expectedErrors.size(); i++) {
      // A feature's error is judged on the scale of its row's errors: a tiny error next to large
      // ones carries the rounding of the large ones' arithmetic.
      assertClose(expectedErrors.get(i), errors.get(i / columns, i % columns),
          meanAbs(expectedErrors.subList(i / columns * columns, (i / columns + 1) * columns)), name + " error " + i);
    }
  }

  /**
   * The LSTM files are series pipelines (model format version 3): windows of 8 points of channels a, b
   * and c every 2 points, a point scored by the highest score of the windows covering it, two
   * thresholds. Scoring their series file gives what {@code ad score --id-column timestamp --top-k 3}
   * wrote when they were made: every point's score, decision and per-channel errors.
   */
  @ParameterizedTest
  @ValueSource(strings = {"lstm-native.adp", "lstm-dl4j.adp"})
  void seriesPointsAsWhenWritten(String name) throws IOException {
    Fixtures fixtures = new Fixtures("v2");
    Pipeline pipeline = PipelineFile.read(fixtures.copy(name), Registry.load());
    assertEquals(new Windowing(8, 2, Aggregation.MAX, "timestamp"), pipeline.windowing(), name);
    assertEquals(List.of("a", "b", "c"), pipeline.inputs().numeric(), name);
    assertEquals(List.of("percentile", "mean_std"), pipeline.thresholds().stream().map(t -> t.name()).toList(), name);
    StringWriter out = new StringWriter();
    try (InputStream in = fixtures.open("series.csv"); CsvReader reader = CsvReader.open(in, "series.csv")) {
      new SeriesScorer(pipeline, null, StreamingScorer.DEFAULT_BATCH, 3).score(reader, "timestamp", out, n -> { });
    }
    List<String> actual = out.toString().lines().toList();
    List<String> expected = fixtures.lines("expected-points-" + name.replace(".adp", ".csv"));
    assertEquals(expected.get(0), actual.get(0), name + " header");
    assertEquals(expected.size(), actual.size(), name + " points");
    double threshold = pipeline.threshold().value();
    for (int p = 1; p < expected.size(); p++) {
      String[] want = expected.get(p).split(",");
      String[] got = actual.get(p).split(",");
      String what = name + " point " + want[0];
      assertEquals(want[0], got[0], what + " id");
      double score = Double.parseDouble(want[1]);
      assertClose(score, Double.parseDouble(got[1]), what + " score");
      if (Math.abs(score - threshold) > TOLERANCE * Math.abs(threshold)) {
        assertEquals(want[2], got[2], what + ": flagged (threshold " + threshold + ")");
      }
      // The channels by their errors, largest first; near-equal errors may swap places.
      Map<String, Double> wantErrors = channelErrors(want);
      Map<String, Double> gotErrors = channelErrors(got);
      assertEquals(wantErrors.keySet(), gotErrors.keySet(), what + " channels");
      double scale = meanAbs(List.copyOf(wantErrors.values()));
      wantErrors.forEach((channel, error) -> assertClose(error, gotErrors.get(channel), scale,
          what + " error of channel " + channel));
    }
  }

  private static Map<String, Double> channelErrors(String[] fields) {
    Map<String, Double> errors = new LinkedHashMap<>();
    for (int f = 3; f + 1 < fields.length; f += 2) {
      errors.put(fields[f], Double.parseDouble(fields[f + 1]));
    }
    return errors;
  }

  private static double meanAbs(List<Double> values) {
    return values.stream().mapToDouble(Math::abs).sum() / values.size();
  }

  private static void assertClose(double expected, double actual, String what) {
    assertClose(expected, actual, 0, what);
  }

  private static void assertClose(double expected, double actual, double scale, String what) {
    double allowed = TOLERANCE * Math.max(Math.max(Math.abs(expected), scale), 1e-3);
    assertTrue(Math.abs(expected - actual) <= allowed, what + ": expected " + expected + " but got "
        + actual + " (off by " + Math.abs(expected - actual) / Math.max(Math.abs(expected), scale)
        + " of its scale)");
  }

  /** The files of one fixture folder, {@code /fixtures/<version>/}. */
  private record Fixtures(String version) {
    InputStream open(String resource) {
      InputStream in = ModelFileCompatibilityTest.class.getResourceAsStream("/fixtures/" + version + "/" + resource);
      if (in == null) {
        throw new AssertionError("no fixture " + version + "/" + resource);
      }
      return in;
    }

    /** The fixture as a file: the reader wants a path, and resources may sit inside a jar. */
    Path copy(String name) {
      Path file = temp.resolve(version + "-" + name);
      try (InputStream in = open(name)) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    List<String> lines(String resource) {
      try (InputStream in = open(resource)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The raw rows of {@code rows-<columns>.csv} (for a series model: raw windows). */
    Dataset rows(int columns) {
      List<String> lines = lines("rows-" + columns + ".csv");
      int n = lines.size() - 1;
      float[] values = new float[n * columns];
      for (int r = 0; r < n; r++) {
        String[] fields = lines.get(r + 1).split(",");
        for (int j = 0; j < columns; j++) {
          values[r * columns + j] = Float.parseFloat(fields[j]);
        }
      }
      return Dataset.of("rows", n, columns, values, Dataset.defaultFeatureNames(columns), null);
    }

    /** The last column of the lines of {@code resource} whose first column is {@code model}. */
    List<Double> expected(String resource, String model) {
      List<String> lines = lines(resource);
      Map<String, List<Double>> byModel = new LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.split(",");
        byModel.computeIfAbsent(fields[0], k -> new ArrayList<>())
            .add(Double.parseDouble(fields[fields.length - 1]));
      }
      List<Double> values = byModel.get(model);
      if (values == null) {
        throw new AssertionError(version + "/" + resource + " has no line of " + model);
      }
      return values;
    }
  }
}

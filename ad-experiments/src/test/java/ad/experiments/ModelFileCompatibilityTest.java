package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.FeatureErrors;
import ad.core.registry.Registry;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model files written by an earlier ad keep loading and scoring as they did (as Tribuo keeps its old
 * models as test fixtures): each file of {@code fixtures/v1} (see its README) is read with today's
 * {@link PipelineFile} and scores and explains the fixed rows it scored when it was written.
 *
 * <p>"As they did" means to float rounding, not bit for bit: the numbers were written on one machine,
 * and the engines' products and vector sums may round differently on another CPU (OpenBLAS kernels,
 * the Vector API's lane count). {@link #TOLERANCE} is relative and far below any change a wrong
 * layer, activation, key or option would cause.
 */
class ModelFileCompatibilityTest {
  private static final String DIR = "/fixtures/v1/";
  /** Relative: a few float ulps of a score or error. */
  private static final double TOLERANCE = 1e-6;

  @TempDir
  static Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"dense.adp", "denoising.adp", "vae-gaussian.adp", "vae-bernoulli.adp",
      "conv2d-transposed.adp", "conv2d-nearest.adp", "conv1d-code.adp"})
  void scoresAsWhenWritten(String name) {
    Pipeline pipeline = PipelineFile.read(copy(name), Registry.load());
    Dataset rows = rows(pipeline.featureNames().size());
    double[] scores = pipeline.score(rows).values();
    List<Double> expected = expected("expected-scores.csv", name);
    assertEquals(expected.size(), scores.length, name);
    for (int r = 0; r < scores.length; r++) {
      assertClose(expected.get(r), scores[r], name + " row " + r + " score");
    }
    FeatureErrors errors = pipeline.explain(rows).orElseThrow();
    List<Double> expectedErrors = expected("expected-errors.csv", name);
    int columns = errors.columns();
    assertEquals(expectedErrors.size(), errors.rows() * columns, name);
    for (int i = 0; i < expectedErrors.size(); i++) {
      // A feature's error is judged on the scale of its row's errors: a tiny error next to large
      // ones carries the rounding of the large ones' arithmetic.
      double rowScale = 0;
      for (int c = 0; c < columns; c++) {
        rowScale += Math.abs(expectedErrors.get(i / columns * columns + c)) / columns;
      }
      assertClose(expectedErrors.get(i), errors.get(i / columns, i % columns), rowScale,
          name + " error " + i);
    }
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

  /** The fixture as a file: the reader wants a path, and resources may sit inside a jar. */
  private static Path copy(String name) {
    Path file = temp.resolve(name);
    try (InputStream in = ModelFileCompatibilityTest.class.getResourceAsStream(DIR + name)) {
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(String resource) {
    try (InputStream in = ModelFileCompatibilityTest.class.getResourceAsStream(DIR + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The raw rows of {@code rows-<columns>.csv}. */
  private static Dataset rows(int columns) {
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
  private static List<Double> expected(String resource, String model) {
    Map<String, List<Double>> byModel = new LinkedHashMap<>();
    for (String line : lines(resource).subList(1, lines(resource).size())) {
      String[] fields = line.split(",");
      byModel.computeIfAbsent(fields[0], k -> new ArrayList<>())
          .add(Double.parseDouble(fields[fields.length - 1]));
    }
    return byModel.get(model);
  }
}

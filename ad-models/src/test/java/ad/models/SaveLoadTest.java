package ad.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.UserException;
import ad.models.baseline.IsolationForestDetector;
import ad.models.baseline.IsolationForestOptions;
import ad.models.baseline.KnnDetector;
import ad.models.baseline.KnnOptions;
import ad.models.baseline.PcaDetector;
import ad.models.baseline.PcaOptions;
import ad.models.conv.ConvAutoencoder;
import ad.models.conv.ConvAutoencoderOptions;
import ad.models.dense.DenoisingAutoencoder;
import ad.models.dense.DenoisingAutoencoderOptions;
import ad.models.dense.DenseAutoencoder;
import ad.models.dense.DenseAutoencoderOptions;
import ad.models.vae.VariationalAutoencoder;
import ad.models.vae.VariationalAutoencoderOptions;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every family that can save: fit on small seeded data, save into memory, load through a fresh
 * detector with the same options, and get bit-identical scores, explanations and history; a state
 * whose arrays do not fit the options fails with a {@link UserException} naming the key.
 */
class SaveLoadTest {
  private static final Dataset TRAIN = table("train", 60, 6, 1);
  private static final Dataset TEST = table("test", 25, 6, 2);

  @Test
  void denseAutoencoder() {
    Supplier<Detector> detector = () -> new DenseAutoencoder(new DenseAutoencoderOptions(
        List.of(4, 2, 4), null, "identity", 1e-2, 3, 16, 0.2, null, 0.1, 1e-4, null));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    assertCorrupt(detector, state, "layer1/weights", new float[7], "'layer1/weights' has 7 values");
  }

  @Test
  void denoisingAutoencoder() {
    Supplier<Detector> detector = () -> new DenoisingAutoencoder(new DenoisingAutoencoderOptions(
        List.of(3), null, "identity", 1e-2, 3, 16, null, null, null, null, null, "masking", null,
        0.3));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    assertCorrupt(detector, state, "layer0/biases", new float[] {0, 0, Float.NaN},
        "'layer0/biases' holds NaN");
  }

  @Test
  void variationalAutoencoderKeepsItsSeededDraws() {
    Supplier<Detector> detector = () -> new VariationalAutoencoder(new VariationalAutoencoderOptions(
        List.of(5), 2, "tanh", 1e-2, 3, 16, 0.2, null, null, null, null, 0.5, null, null, 4));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    assertCorrupt(detector, state, "log_variance", new float[5], "'log_variance' has 5 values");
    assertCorrupt(detector, state, "score_seed", "twelve", "'score_seed' must be a 64-bit integer");
  }

  @Test
  void convAutoencoder() {
    Dataset images = table("images", 20, 36, 3).withSampleShape(6, 6, 1);
    Dataset test = table("test", 6, 36, 4).withSampleShape(6, 6, 1);
    Supplier<Detector> detector = () -> new ConvAutoencoder(new ConvAutoencoderOptions(null,
        List.of(3, 2), 3, 1, "max", "transposed", "relu", "identity", 1e-2, 2, 8, 0.25, null, null,
        null, null, 1));
    MapState state = assertRoundTrip(detector, images, test);
    assertCorrupt(detector, state, "parameters/0", new float[26], "'parameters/0' has 26 values");
    assertCorrupt(detector, state, "layout", new int[] {6, 6, 2, 0}, "");
  }

  /**
   * With a dense bottleneck: its weights are among the saved parameter arrays, so the loaded model
   * scores identically, and a state saved without (or with another) code_size does not load.
   */
  @Test
  void convAutoencoderWithADenseBottleneck() {
    Dataset images = table("images", 20, 64, 5).withSampleShape(8, 8, 1);
    Dataset test = table("test", 6, 64, 6).withSampleShape(8, 8, 1);
    ConvAutoencoderOptions plain = new ConvAutoencoderOptions(null, List.of(3, 2), 3, 1, "max",
        "nearest", "relu", "sigmoid", 1e-2, 2, 8, 0.25, null, 0.1, 1e-4, null, 1);
    Supplier<Detector> detector = () -> new ConvAutoencoder(plain.withCodeSize(3));
    MapState state = assertRoundTrip(detector, images, test);
    // Kernel rows and biases of the encoder (3 + 1, 2 + 1 arrays), the bottleneck (one weight row per
    // input value: 2x2x2 = 8 + 1 to the code, 3 + 1 back) and the decoder (3 + 1, 1 + 1).
    assertArrayEquals(new int[] {26}, (int[]) state.values().get("parameter_arrays"));
    UserException e = assertThrows(UserException.class,
        () -> new ConvAutoencoder(plain).load(state));
    assertTrue(e.getMessage().contains("'parameter_arrays' is 26"), e.getMessage());
    // Another code size: one more weight row back from the code.
    e = assertThrows(UserException.class,
        () -> new ConvAutoencoder(plain.withCodeSize(4)).load(state));
    assertTrue(e.getMessage().contains("'parameter_arrays' is 26 but the options' network for 8x8x1 "
        + "has 27"), e.getMessage());
  }

  @Test
  void pca() {
    Supplier<Detector> detector = () -> new PcaDetector(PcaOptions.ofComponents(2));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    assertCorrupt(detector, state, "basis", new double[11], "'basis' has 11 values");
    assertCorrupt(detector, state, "components", new int[] {3}, "'components' is 3");
  }

  @Test
  void pcaWithTheMahalanobisScore() {
    Supplier<Detector> detector = () -> new PcaDetector(new PcaOptions(null, 1.0, "mahalanobis"));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    assertCorrupt(detector, state, "variances", new double[] {1, 0, 1, 1, 1, 1},
        "variances must be finite and > 0");
  }

  @Test
  void pcaOfConstantDataKeepsNoComponent() {
    Dataset constant = Dataset.of("constant", 4, 2, new float[8], Dataset.defaultFeatureNames(2),
        null);
    assertRoundTrip(() -> new PcaDetector(PcaOptions.defaults()), constant, TEST.select(
        new int[] {0}).withFeatures(2, new float[] {1, 2}, Dataset.defaultFeatureNames(2)));
  }

  /**
   * The forest saves each tree's rows and growth seed and regrows its trees on load (Smile's trees
   * cannot be rebuilt from their nodes); extended cuts also draw Gaussian slopes.
   */
  @Test
  void isolationForestRegrowsItsTrees() {
    Supplier<Detector> detector = () -> new IsolationForestDetector(new IsolationForestOptions(20,
        32, null, null, 2));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    assertTrue(((int[]) state.values().get("distinct_rows"))[0] < 20 * 32, "trees share rows");
    assertCorrupt(detector, state, "tree_rows", new int[20 * 32 - 1], "'tree_rows' has 639 values");
    int[] outOfRange = new int[20 * 32];
    outOfRange[5] = 60;
    assertCorrupt(detector, state, "tree_rows", outOfRange, "'tree_rows' holds 60 at index 5");
    assertCorrupt(detector, state, "growth_seeds", new int[20], "'growth_seeds' has 20 values");
    assertCorrupt(detector, state, "extension_level", new int[] {1}, "'extension_level' is 1");
    assertCorrupt(detector, state, "rows_per_tree", new int[] {33}, "'rows_per_tree' is 33");
    assertCorrupt(detector, state, "rows", new float[] {Float.NaN}, "'rows' has 1 values");
  }

  @Test
  void isolationForestWithEveryRowInEveryTree() {
    assertRoundTrip(() -> new IsolationForestDetector(IsolationForestOptions.defaults()), TRAIN, TEST);
  }

  /** The training rows are the model: the distinct rows and their counts; the search is rebuilt. */
  @Test
  void knnOnItsKdTree() {
    Dataset repeated = TRAIN.select(new int[] {0, 1, 2, 2, 3, 4, 5, 5, 5, 6, 7, 8, 9, 10, 11});
    Supplier<Detector> detector = () -> new KnnDetector(new KnnOptions(3, "mean", "kd_tree"));
    MapState state = assertRoundTrip(detector, repeated, TEST);
    assertArrayEquals(new int[] {1, 1, 2, 1, 1, 3, 1, 1, 1, 1, 1, 1}, (int[]) state.values().get("counts"));
    assertCorrupt(detector, state, "points", new float[12 * 6 - 1], "'points' has 71 values");
    assertCorrupt(detector, state, "counts", new int[] {1, 1, 2, 1, 1, 0, 1, 1, 1, 1, 1, 1},
        "'counts' holds 0 at index 5");
    assertCorrupt(detector, state, "counts", new int[] {1, 2}, "'counts' adds up to 3 training rows");
  }

  @Test
  void knnOnBlockedProducts() {
    Supplier<Detector> detector = () -> new KnnDetector(new KnnOptions(5, "largest", "brute"));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    assertCorrupt(detector, state, "columns", new int[] {0}, "'columns' must be positive");
  }

  /** Saves a fitted model, loads it through a fresh detector and checks it is the same; returns the state. */
  private static MapState assertRoundTrip(Supplier<Detector> detector, Dataset train, Dataset test) {
    DetectorModel fitted = detector.get().fit(train, 7);
    assertTrue(fitted.canSave());
    MapState state = new MapState();
    fitted.save(state);
    DetectorModel loaded = detector.get().load(state);
    assertArrayEquals(fitted.score(test).values(), loaded.score(test).values());
    assertEquals(fitted.explain(test).isPresent(), loaded.explain(test).isPresent());
    fitted.explain(test).ifPresent(errors -> {
      assertArrayEquals(errors.values(), loaded.explain(test).orElseThrow().values());
      assertEquals(errors.featureNames(), loaded.explain(test).orElseThrow().featureNames());
    });
    assertEquals(fitted.trainingHistory(), loaded.trainingHistory());
    // A loaded model saves the same state again.
    MapState again = new MapState();
    loaded.save(again);
    assertEquals(state.values().keySet(), again.values().keySet());
    state.values().forEach((key, value) ->
        assertTrue(java.util.Objects.deepEquals(value, again.values().get(key)), key));
    return state;
  }

  /** A copy of {@code state} with {@code key} replaced fails to load, with {@code message} in the error. */
  private static void assertCorrupt(Supplier<Detector> detector, MapState state, String key,
      Object value, String message) {
    MapState tampered = new MapState();
    tampered.values().putAll(state.values());
    tampered.put(key, value);
    UserException e = assertThrows(UserException.class, () -> detector.get().load(tampered));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(e.getMessage().startsWith("state in memory is corrupt: "), e.getMessage());
  }

  /** Correlated Gaussian columns in [0, 1]-ish, seeded. */
  static Dataset table(String name, int rows, int columns, long seed) {
    Random random = new Random(seed);
    float[] values = new float[rows * columns];
    for (int r = 0; r < rows; r++) {
      double base = random.nextGaussian();
      for (int c = 0; c < columns; c++) {
        values[r * columns + c] = (float) (0.5 + 0.2 * Math.sin(base + c) + 0.05
            * random.nextGaussian());
      }
    }
    return Dataset.of(name, rows, columns, values, Dataset.defaultFeatureNames(columns), null);
  }
}

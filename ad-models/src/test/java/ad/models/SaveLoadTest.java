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
import ad.models.baseline.KnnAlgorithm;
import ad.models.baseline.KnnDetector;
import ad.models.baseline.KnnOptions;
import ad.models.baseline.KnnScore;
import ad.models.baseline.PcaDetector;
import ad.models.baseline.PcaOptions;
import ad.models.baseline.PcaScore;
import ad.models.conv.ConvAutoencoder;
import ad.models.conv.ConvAutoencoderOptions;
import ad.models.conv.Pooling;
import ad.models.conv.Upsampling;
import ad.models.dense.DenoisingAutoencoder;
import ad.models.dense.DenoisingAutoencoderOptions;
import ad.models.dense.DenseAutoencoder;
import ad.models.dense.DenseAutoencoderOptions;
import ad.models.ensemble.Combine;
import ad.models.ensemble.EnsembleOptions;
import ad.models.ensemble.LayoutEnsembleOptions;
import ad.models.vae.VariationalAutoencoder;
import ad.models.network.Activation;
import ad.models.lstm.LstmAutoencoder;
import ad.models.lstm.LstmAutoencoderOptions;
import ad.models.network.Engine;
import ad.models.network.Likelihood;
import ad.models.network.NoiseKind;
import ad.models.train.TrainingOptions;
import ad.models.vae.VaeScore;
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
        List.of(4, 2, 4), null, Activation.IDENTITY, null, Training.with().learningRate(1e-2)
        .epochs(3).batchSize(16).validationSplit(0.2).dropout(0.1).l2(1e-4).options()));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    assertCorrupt(detector, state, "layer1/weights", new float[7], "'layer1/weights' has 7 values");
  }

  @Test
  void denoisingAutoencoder() {
    Supplier<Detector> detector = () -> new DenoisingAutoencoder(new DenoisingAutoencoderOptions(
        new DenseAutoencoderOptions(List.of(3), null, Activation.IDENTITY, null,
            Training.with().learningRate(1e-2).epochs(3).batchSize(16).options()),
        NoiseKind.MASKING, null, 0.3));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    assertCorrupt(detector, state, "layer0/biases", new float[] {0, 0, Float.NaN},
        "'layer0/biases' holds NaN");
  }

  @Test
  void variationalAutoencoderKeepsItsSeededDraws() {
    Supplier<Detector> detector = () -> new VariationalAutoencoder(new VariationalAutoencoderOptions(
        List.of(5), 2, Activation.TANH, 0.5, null, null, 4, Training.with().learningRate(1e-2)
        .epochs(3).batchSize(16).validationSplit(0.2).options()));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    assertCorrupt(detector, state, "log_variance", new float[5], "'log_variance' has 5 values");
    assertCorrupt(detector, state, "score_seed", "twelve", "'score_seed' must be a 64-bit integer");
  }

  @Test
  void convAutoencoder() {
    Dataset images = table("images", 20, 36, 3).withSampleShape(6, 6, 1);
    Dataset test = table("test", 6, 36, 4).withSampleShape(6, 6, 1);
    Supplier<Detector> detector = () -> new ConvAutoencoder(conv(null, Upsampling.TRANSPOSED,
        Activation.IDENTITY, Training.with().learningRate(1e-2).epochs(2).batchSize(8)
        .validationSplit(0.25).options()));
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
    TrainingOptions training = Training.with().learningRate(1e-2).epochs(2).batchSize(8)
        .validationSplit(0.25).dropout(0.1).l2(1e-4).options();
    ConvAutoencoderOptions plain = conv(null, Upsampling.NEAREST, Activation.SIGMOID, training);
    Supplier<Detector> detector = () -> new ConvAutoencoder(conv(3, Upsampling.NEAREST,
        Activation.SIGMOID, training));
    MapState state = assertRoundTrip(detector, images, test);
    // Kernel rows and biases of the encoder (3 + 1, 2 + 1 arrays), the bottleneck (one weight row per
    // input value: 2x2x2 = 8 + 1 to the code, 3 + 1 back) and the decoder (3 + 1, 1 + 1).
    assertArrayEquals(new int[] {26}, (int[]) state.values().get("parameter_arrays"));
    UserException e = assertThrows(UserException.class,
        () -> new ConvAutoencoder(plain).load(state));
    assertTrue(e.getMessage().contains("'parameter_arrays' is 26"), e.getMessage());
    // Another code size: one more weight row back from the code.
    e = assertThrows(UserException.class,
        () -> new ConvAutoencoder(conv(4, Upsampling.NEAREST, Activation.SIGMOID, training))
            .load(state));
    assertTrue(e.getMessage().contains("'parameter_arrays' is 26 but the options' network for 8x8x1 "
        + "has 27"), e.getMessage());
  }

  /**
   * Ensembles: every member's state under its own prefix in the one model; the loaded ensemble
   * scores, explains and reconstructs identically. Dense with feature bagging and a row subsample,
   * the VAE, and the conv family on both engines (members fitted in parallel).
   */
  @Test
  void ensembles() {
    EnsembleOptions bagged = new EnsembleOptions(3, Combine.MEDIAN, 40, 0.5, null);
    Supplier<Detector> dense = () -> new DenseAutoencoder(new DenseAutoencoderOptions(null, null,
        Activation.IDENTITY, null, Training.with().learningRate(1e-2).epochs(3).batchSize(16)
        .trim(0.1).options(), bagged));
    MapState state = assertRoundTrip(dense, TRAIN, TEST);
    assertTrue(state.values().containsKey("member2/layer3/weights"), state.values().keySet()
        .toString());
    assertCorrupt(dense, state, "member1/layer0/weights", new float[3],
        "ensemble member 1: dense_autoencoder: 'layer0/weights' has 3 values");
    assertCorrupt(dense, state, "ensemble/spread", new double[] {1, 0, 1},
        "'ensemble/spread' must be positive");
    assertRoundTrip(() -> new VariationalAutoencoder(new VariationalAutoencoderOptions(List.of(5), 2,
        null, null, null, VaeScore.NEGATIVE_ELBO, 2, Training.with().learningRate(1e-2).epochs(2)
        .batchSize(16).options(), new EnsembleOptions(2, null, null, 0.8, null))), TRAIN, TEST);
    Dataset images = table("images", 20, 36, 3).withSampleShape(6, 6, 1);
    Dataset test = table("test", 6, 36, 4).withSampleShape(6, 6, 1);
    for (Engine engine : Engine.values()) {
      assertRoundTrip(() -> new ConvAutoencoder(new ConvAutoencoderOptions(null, List.of(2), null,
          3, 1, Pooling.MAX, Upsampling.NEAREST, null, Activation.IDENTITY, 1, null,
          Training.with().learningRate(1e-2).epochs(2).batchSize(8).engine(engine).options(),
          new LayoutEnsembleOptions(2, null, 15, null))), images, test);
    }
  }

  /**
   * A dense autoencoder scored with its code neighbours ({@code code_neighbours}), alone and as
   * ensemble members, on both engines: the codes' neighbour model and the standardisation are saved
   * beside the network and the loaded model scores identically.
   */
  @Test
  void denseAutoencoderWithCodeNeighbours() {
    for (Engine engine : Engine.values()) {
      TrainingOptions training = Training.with().learningRate(1e-2).epochs(3).batchSize(16)
          .dropout(0.1).engine(engine).options();
      Supplier<Detector> single = () -> new DenseAutoencoder(new DenseAutoencoderOptions(
          List.of(4, 2, 4), null, Activation.IDENTITY, null, 3, training, EnsembleOptions.SINGLE));
      MapState state = assertRoundTrip(single, TRAIN, TEST);
      assertTrue(state.values().containsKey("code_knn/points"), state.values().keySet().toString());
      assertCorrupt(single, state, "code_standardisation", new double[] {0, 1, 0, 0},
          "code_standardisation has a spread that is not positive");
      assertRoundTrip(() -> new DenseAutoencoder(new DenseAutoencoderOptions(null, null,
          Activation.IDENTITY, null, 2, training, new EnsembleOptions(2, null, 40, null, null))),
          TRAIN, TEST);
    }
  }

  /** The same families on the dl4j engine: DL4J's parameter tables under their own keys. */
  @Test
  void denseAutoencoderOnDl4j() {
    Supplier<Detector> detector = () -> new DenseAutoencoder(new DenseAutoencoderOptions(
        List.of(4, 2, 4), null, Activation.IDENTITY, null, Training.with().learningRate(1e-2)
        .epochs(3).batchSize(16).validationSplit(0.2).dropout(0.1).l2(1e-4).engine(Engine.DL4J)
        .options()));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    assertCorrupt(detector, state, "layer2/weights", new float[7], "'layer2/weights' has 7 values");
  }

  @Test
  void denoisingAutoencoderOnDl4j() {
    assertRoundTrip(() -> new DenoisingAutoencoder(new DenoisingAutoencoderOptions(
        new DenseAutoencoderOptions(List.of(3), null, Activation.IDENTITY, null,
            Training.with().learningRate(1e-2).epochs(3).batchSize(16).engine(Engine.DL4J)
                .options()), NoiseKind.MASKING, null, 0.3)), TRAIN, TEST);
  }

  @Test
  void variationalAutoencoderOnDl4j() {
    for (Likelihood likelihood : Likelihood.values()) {
      Supplier<Detector> detector = () -> new VariationalAutoencoder(
          new VariationalAutoencoderOptions(List.of(5), 2, Activation.TANH, 0.5, likelihood, null, 4,
              Training.with().learningRate(1e-2).epochs(3).batchSize(16).validationSplit(0.2)
                  .dropout(0.1).engine(Engine.DL4J).options()));
      // The table's values lie in [0, 1], as the Bernoulli likelihood needs.
      MapState state = assertRoundTrip(detector, TRAIN, TEST);
      assertCorrupt(detector, state, "posterior/weights", new float[5],
          "'posterior/weights' has 5 values");
    }
  }

  @Test
  void convAutoencodersOnDl4j() {
    Dataset images = table("images", 20, 64, 5).withSampleShape(8, 8, 1);
    Dataset test = table("test", 6, 64, 6).withSampleShape(8, 8, 1);
    TrainingOptions training = Training.with().learningRate(1e-2).epochs(2).batchSize(8)
        .validationSplit(0.25).dropout(0.1).l2(1e-4).engine(Engine.DL4J).options();
    assertRoundTrip(() -> new ConvAutoencoder(conv(null, Upsampling.TRANSPOSED, Activation.IDENTITY,
        training)), images, test);
    MapState state = assertRoundTrip(() -> new ConvAutoencoder(conv(3, Upsampling.NEAREST,
        Activation.SIGMOID, training)), images, test);
    UserException e = assertThrows(UserException.class, () -> new ConvAutoencoder(conv(null,
        Upsampling.NEAREST, Activation.SIGMOID, training)).load(state));
    assertTrue(e.getMessage().contains("'parameter_arrays' is 12"), e.getMessage());
    Dataset windows = table("windows", 20, 30, 7).withSampleShape(15, 2);
    assertRoundTrip(() -> new ConvAutoencoder(conv(null, Upsampling.NEAREST, Activation.IDENTITY,
        training)), windows, table("test", 6, 30, 8).withSampleShape(15, 2));
  }

  @Test
  void lstmAutoencoder() {
    Dataset windows = table("windows", 20, 30, 7).withSampleShape(10, 3);
    for (Engine engine : Engine.values()) {
      Supplier<Detector> detector = () -> new LstmAutoencoder(new LstmAutoencoderOptions(null,
          List.of(4, 3), null, null, null, Training.with().learningRate(1e-2).epochs(2)
          .batchSize(8).validationSplit(0.25).dropout(0.1).l2(1e-4).engine(engine).options()));
      MapState state = assertRoundTrip(detector, windows, table("test", 6, 30, 8)
          .withSampleShape(10, 3));
      String firstArray = engine == Engine.NATIVE ? "encoder/layer0/weights" : "layer0/weights";
      assertCorrupt(detector, state, "layout", new int[] {1, 10, 2, 1},
          "'" + firstArray + "' has 48 values but the options and input width need 32");
      assertCorrupt(detector, state, "layout", new int[] {2, 5, 3, 0}, "not a series window");
    }
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
    Supplier<Detector> detector = () -> new PcaDetector(new PcaOptions(null, 1.0, PcaScore.MAHALANOBIS));
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

  /** The forest saves its trees as they are; extended cuts also save their slopes. */
  @Test
  void isolationForestSavesItsTrees() {
    Supplier<Detector> detector = () -> new IsolationForestDetector(new IsolationForestOptions(20,
        32, null, null, 2));
    MapState state = assertRoundTrip(detector, TRAIN, TEST);
    int nodes = ((int[]) state.values().get("left")).length;
    assertCorrupt(detector, state, "left", new int[nodes - 1], "'left' has " + (nodes - 1) + " values");
    assertCorrupt(detector, state, "weights", new double[3 * nodes - 1], "'weights' has");
    assertCorrupt(detector, state, "rows_per_tree", new int[] {33}, "'rows_per_tree' is 33");
    assertCorrupt(detector, state, "depth", new int[] {0}, "'depth' must be positive");
  }

  @Test
  void isolationForestWithEveryRowInEveryTree() {
    assertRoundTrip(() -> new IsolationForestDetector(IsolationForestOptions.defaults()), TRAIN, TEST);
  }

  /** Filters [3, 2], 3x3 kernels, stride 1, max pooling, relu, one thread. */
  private static ConvAutoencoderOptions conv(Integer codeSize, Upsampling upsampling,
      Activation output, TrainingOptions training) {
    return new ConvAutoencoderOptions(null, List.of(3, 2), codeSize, 3, 1, Pooling.MAX, upsampling,
        Activation.RELU, output, 1, null, training);
  }

  /** The training rows are the model: the distinct rows and their counts; the search is rebuilt. */
  @Test
  void knnOnItsKdTree() {
    Dataset repeated = TRAIN.select(new int[] {0, 1, 2, 2, 3, 4, 5, 5, 5, 6, 7, 8, 9, 10, 11});
    Supplier<Detector> detector = () -> new KnnDetector(new KnnOptions(3, KnnScore.MEAN, KnnAlgorithm.KD_TREE));
    MapState state = assertRoundTrip(detector, repeated, TEST);
    assertArrayEquals(new int[] {1, 1, 2, 1, 1, 3, 1, 1, 1, 1, 1, 1}, (int[]) state.values().get("counts"));
    assertCorrupt(detector, state, "points", new float[12 * 6 - 1], "'points' has 71 values");
    assertCorrupt(detector, state, "counts", new int[] {1, 1, 2, 1, 1, 0, 1, 1, 1, 1, 1, 1},
        "'counts' holds 0 at index 5");
    assertCorrupt(detector, state, "counts", new int[] {1, 2}, "'counts' adds up to 3 training rows");
  }

  @Test
  void knnOnBlockedProducts() {
    Supplier<Detector> detector = () -> new KnnDetector(new KnnOptions(5, KnnScore.LARGEST, KnnAlgorithm.BRUTE));
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
    assertEquals(fitted.reconstruct(test).isPresent(), loaded.reconstruct(test).isPresent());
    fitted.reconstruct(test).ifPresent(rebuilt -> assertArrayEquals(rebuilt.values(),
        loaded.reconstruct(test).orElseThrow().values()));
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

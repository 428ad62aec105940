package ad.models.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.TrainingHistory;
import ad.core.UserException;
import ad.models.Training;
import ad.models.network.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvAutoencoderTest {
  private static final Dataset IMAGES = Images.blobs("blobs", 16, 600, 0, 1);
  private static final Dataset IMAGE_TEST = Images.blobs("test", 16, 200, 40, 2);
  private static final Dataset WAVES = Images.waves("waves", 32, 600, 0, 3);
  private static final Dataset WAVE_TEST = Images.waves("test", 32, 200, 40, 4);

  private static ConvAutoencoderOptions options(int epochs, double learningRate,
      Upsampling upsampling) {
    return options(epochs, learningRate, upsampling, null);
  }

  private static ConvAutoencoderOptions options(int epochs, double learningRate,
      Upsampling upsampling, Integer codeSize) {
    return new ConvAutoencoderOptions(null, List.of(8, 4), codeSize, 3, 1, Pooling.MAX, upsampling,
        Activation.RELU, Activation.SIGMOID, 2, null,
        Training.with().learningRate(learningRate).epochs(epochs).batchSize(32).options());
  }

  /** Filters, kernel, strides and pooling as given, the rest default, one epoch on batches of 8. */
  private static ConvAutoencoderOptions shape(List<Integer> inputShape, List<Integer> filters,
      Integer kernel, Integer strides, Pooling pooling, Upsampling upsampling, int threads) {
    return new ConvAutoencoderOptions(inputShape, filters, null, kernel, strides, pooling,
        upsampling, null, null, threads, null, Training.with().epochs(1).batchSize(8).options());
  }

  @Test
  void learnsWhatImagesLookLike() {
    assertLearns("2-D", 8, null, IMAGES, IMAGE_TEST, 11);
  }

  @Test
  void learnsImagesWithTransposedConvolutions() {
    double trained = Images.auc(new ConvAutoencoder(options(8, 3e-3, Upsampling.TRANSPOSED))
        .fit(IMAGES, 12).score(IMAGE_TEST), IMAGE_TEST);
    System.out.printf("2-D transposed AUC trained %.3f%n", trained);
    assertTrue(trained > 0.95, "trained AUC " + trained);
  }

  /** 16x16 -> 8x8 -> 4x4x4 = 64 values, through a dense code of 16. */
  @Test
  void learnsImagesThroughADenseBottleneck() {
    assertLearns("2-D bottleneck", 8, 16, IMAGES, IMAGE_TEST, 14);
  }

  @Test
  void learnsWhatWavesLookLike() {
    assertLearns("1-D", 25, null, WAVES, WAVE_TEST, 13);
  }

  /**
   * Trained for {@code epochs}, the net ranks the test anomalies almost perfectly; untrained (one
   * epoch at a learning rate too small to move the random weights) it cannot.
   */
  private static void assertLearns(String what, int epochs, Integer codeSize, Dataset train,
      Dataset test, long seed) {
    double trained = Images.auc(new ConvAutoencoder(options(epochs, 3e-3, Upsampling.NEAREST,
        codeSize)).fit(train, seed).score(test), test);
    double untrained = Images.auc(new ConvAutoencoder(options(1, 1e-9, Upsampling.NEAREST,
        codeSize)).fit(train, seed).score(test), test);
    System.out.printf("%s AUC trained %.3f untrained %.3f%n", what, trained, untrained);
    assertTrue(trained > 0.95, what + " trained AUC " + trained);
    assertTrue(untrained < 0.8, what + " untrained AUC " + untrained);
  }

  @Test
  void sameSeedGivesIdenticalScoresAndOtherSeedsDoNot() {
    ConvAutoencoder detector = new ConvAutoencoder(options(2, 3e-3, Upsampling.NEAREST));
    Dataset train = IMAGES.select(java.util.stream.IntStream.range(0, 200).toArray());
    double[] a = detector.fit(train, 5).score(IMAGE_TEST).values();
    double[] b = detector.fit(train, 5).score(IMAGE_TEST).values();
    double[] c = detector.fit(train, 6).score(IMAGE_TEST).values();
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, c));
  }

  @Test
  void explainsEveryPixelAndStep() {
    Dataset small = IMAGES.select(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
    DetectorModel model = new ConvAutoencoder(options(1, 3e-3, Upsampling.NEAREST)).fit(small, 1);
    FeatureErrors errors = model.explain(small).orElseThrow();
    assertEquals(256, errors.columns());
    assertEquals("r0c0", errors.featureNames().get(0));
    assertEquals("r3c14", errors.featureNames().get(3 * 16 + 14));
    double[] scores = model.score(small).values();
    for (int r = 0; r < small.rows(); r++) {
      double sum = 0;
      for (int f = 0; f < errors.columns(); f++) {
        sum += errors.get(r, f);
      }
      assertEquals(scores[r], sum / errors.columns(), 1e-6);
    }
    Dataset waves = WAVES.select(new int[] {0, 1, 2, 3});
    FeatureErrors waveErrors = new ConvAutoencoder(options(1, 3e-3, Upsampling.NEAREST)).fit(waves, 1)
        .explain(waves).orElseThrow();
    assertEquals(List.of("t0c0", "t0c1", "t1c0"), waveErrors.featureNames().subList(0, 3));
    assertEquals("t12c1", waveErrors.featureNames().get(25));
  }

  @Test
  void wrongShapeNamesBothShapes() {
    Dataset rgb = Dataset.of("rgb", 4, 8 * 8 * 3, new float[4 * 192], Dataset.defaultFeatureNames(192),
        null).withSampleShape(8, 8, 3);
    Dataset grey = Dataset.of("test", 4, 64, new float[4 * 64], Dataset.defaultFeatureNames(64), null)
        .withSampleShape(8, 8, 1);
    DetectorModel model = new ConvAutoencoder(options(1, 1e-3, Upsampling.NEAREST)).fit(rgb, 1);
    UserException e = assertThrows(UserException.class, () -> model.score(grey));
    assertEquals("conv_autoencoder expects 8x8x3 = 192 features per row but 'test' has 64 (8x8x1)",
        e.getMessage());
    Dataset transposed = rgb.withSampleShape(8, 3, 8);
    e = assertThrows(UserException.class, () -> model.score(transposed));
    assertTrue(e.getMessage().contains("8x8x3") && e.getMessage().contains("8x3x8"), e.getMessage());
  }

  /** Since e9b982a a plain table row without input_shape reads as a 1-D sequence [d, 1]. */
  @Test
  void plainTablesReadAsSequencesUnlessShaped() {
    Dataset table = Dataset.of("table", 4, 64, new float[4 * 64], Dataset.defaultFeatureNames(64),
        null);
    FeatureErrors sequence = new ConvAutoencoder(options(1, 1e-3, Upsampling.NEAREST)).fit(table, 1)
        .explain(table).orElseThrow();
    assertEquals("t63c0", sequence.featureNames().get(63));
    UserException e;
    ConvAutoencoderOptions shaped = shape(List.of(8, 8, 1), List.of(4), null, null, null, null, 1);
    assertEquals(4, new ConvAutoencoder(shaped).fit(table, 1).score(table).size());
    ConvAutoencoderOptions wrong = shape(List.of(28, 28, 1), List.of(4), null, null, null, null, 1);
    e = assertThrows(UserException.class, () -> new ConvAutoencoder(wrong).fit(table, 1));
    assertEquals("conv_autoencoder expects 28x28x1 = 784 features per row but 'table' has 64",
        e.getMessage());
  }

  @Test
  void validationKeepsTheBestEpochAndStopsEarly() {
    ConvAutoencoderOptions o = new ConvAutoencoderOptions(null, List.of(4), null, null, null, null,
        null, null, null, 2, null, Training.with().learningRate(0.05).epochs(12).batchSize(16)
        .validationSplit(0.25).patience(1).dropout(0.1).l2(1e-4).options());
    Dataset train = IMAGES.select(java.util.stream.IntStream.range(0, 120).toArray());
    TrainingHistory h = new ConvAutoencoder(o).fit(train, 3).trainingHistory().orElseThrow();
    assertEquals(h.epochs(), h.validationLoss().size());
    double best = h.validationLoss().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    assertEquals(best, h.validationLoss().get(h.bestEpoch()));
    assertTrue(h.stoppedEarly() == (h.epochs() < 12));
    assertTrue(h.trainLoss().stream().allMatch(l -> l > 0 && Double.isFinite(l)));
  }

  @Test
  void refusesAnomalousTrainingRows() {
    assertThrows(UserException.class,
        () -> new ConvAutoencoder(options(1, 1e-3, Upsampling.NEAREST)).fit(IMAGE_TEST, 1));
  }

  @Test
  void oddShapesStridesAndKernelsRoundTrip() {
    record Case(int[] shape, List<Integer> filters, int kernel, int strides, Pooling pooling,
        Upsampling upsampling) {}
    List<Case> cases = List.of(
        new Case(new int[] {13, 11, 3}, List.of(4, 4, 2), 3, 1, Pooling.MAX, Upsampling.NEAREST),
        new Case(new int[] {13, 11, 3}, List.of(4, 2), 3, 2, Pooling.NONE, Upsampling.TRANSPOSED),
        new Case(new int[] {13, 11, 3}, List.of(4, 2), 4, 2, Pooling.MAX, Upsampling.NEAREST),
        new Case(new int[] {50, 3}, List.of(8, 4), 3, 1, Pooling.MAX, Upsampling.TRANSPOSED),
        new Case(new int[] {37, 2}, List.of(4), 5, 2, Pooling.MAX, Upsampling.NEAREST));
    for (Case c : cases) {
      int d = java.util.Arrays.stream(c.shape()).reduce(1, (a, b) -> a * b);
      float[] values = new float[20 * d];
      java.util.Random random = new java.util.Random(1);
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextFloat();
      }
      Dataset data = Dataset.of("odd", 20, d, values, Dataset.defaultFeatureNames(d), null)
          .withSampleShape(c.shape());
      ConvAutoencoderOptions o = shape(null, c.filters(), c.kernel(), c.strides(), c.pooling(),
          c.upsampling(), 2);
      double[] scores = new ConvAutoencoder(o).fit(data, 1).score(data).values();
      assertTrue(java.util.Arrays.stream(scores).allMatch(v -> v > 0 && Double.isFinite(v)),
          c.toString());
    }
  }
}

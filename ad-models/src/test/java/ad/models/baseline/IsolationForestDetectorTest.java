package ad.models.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.Scores;
import ad.core.UserException;
import ad.core.registry.OptionException;
import ad.models.MapState;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import smile.anomaly.IsolationForest;

class IsolationForestDetectorTest {

  private static final Dataset TRAIN = Planted.normal(400, 1);
  private static final Dataset TEST = Planted.sample("test", 200, 10, 2);

  private static Scores fitAndScore(IsolationForestOptions options, long seed) {
    return new IsolationForestDetector(options).fit(TRAIN, seed).score(TEST);
  }

  private static IsolationForestOptions options(Integer trees, Integer maxSamples, Double subsample,
      Integer extensionLevel) {
    return new IsolationForestOptions(trees, maxSamples, subsample, null, extensionLevel);
  }

  @Test
  void ranksThePlantedClusterFirstWithHigherMeaningMoreAnomalous() {
    Scores scores = fitAndScore(IsolationForestOptions.defaults(), 42);

    assertTrue(Planted.auc(scores, TEST) > 0.98, "AUC " + Planted.auc(scores, TEST));
    double[] s = scores.values();
    double normalMean = Arrays.stream(s, 0, 200).average().orElseThrow();
    double anomalousMean = Arrays.stream(s, 200, 210).average().orElseThrow();
    assertTrue(anomalousMean > normalMean + 0.1, anomalousMean + " vs " + normalMean);
    assertTrue(Arrays.stream(s).allMatch(v -> v > 0 && v <= 1), "Smile's scores lie in (0, 1]");
  }

  @Test
  void theExtendedForestAlsoFindsIt() {
    Scores scores = fitAndScore(new IsolationForestOptions(50, null, 0.5, 0, 7), 3);

    assertTrue(Planted.auc(scores, TEST) > 0.98, "AUC " + Planted.auc(scores, TEST));
  }

  @Test
  void maxSamplesCapsTheRowsPerTreeSoThatALargeTableFitsQuickly() {
    Dataset large = Planted.normal(100_000, 3);
    IsolationForestModel model = (IsolationForestModel) new IsolationForestDetector(
        IsolationForestOptions.defaults()).fit(large, 1);

    assertEquals(256, model.rowsPerTree());
    assertEquals(8, model.depth(), "log2(256)");
    Scores scores = model.score(TEST);
    assertTrue(Planted.auc(scores, TEST) > 0.95, "AUC " + Planted.auc(scores, TEST));
  }

  @Test
  void rowsPerTreeComeFromMaxSamplesOrSubsample() {
    assertEquals(256, IsolationForestOptions.defaults().rowsPerTree(1000));
    assertEquals(100, IsolationForestOptions.defaults().rowsPerTree(100), "never more than the rows");
    assertEquals(2, options(null, 2, null, null).rowsPerTree(400));
    assertEquals(280, options(null, null, 0.7, null).rowsPerTree(400));
    assertEquals(2, options(null, null, 0.01, null).rowsPerTree(50), "at least 2");

    IsolationForestModel model = (IsolationForestModel) new IsolationForestDetector(options(10, null,
        0.25, null)).fit(TRAIN, 1);
    assertEquals(100, model.rowsPerTree());
    assertEquals(6, model.depth(), "floor(log2(100))");
  }

  @Test
  void scoresAreExactlySmilesScoresOfTheSameTrees() {
    for (IsolationForestOptions options : List.of(IsolationForestOptions.defaults(),
        options(20, 64, null, 3))) {
      IsolationForestModel model = (IsolationForestModel) new IsolationForestDetector(options)
          .fit(TRAIN, 9);
      IsolationForest smile = model.smileForest();
      double[] scores = model.score(TEST).values();
      for (int r = 0; r < TEST.rows(); r++) {
        double[] row = new double[TEST.columns()];
        for (int j = 0; j < row.length; j++) {
          row[j] = TEST.value(r, j);
        }
        assertEquals(smile.score(row), scores[r], 0.0, "row " + r);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameScoresAndAnotherSeedOthers() {
    IsolationForestOptions extended = options(30, null, null, 3);

    assertEquals(fitAndScore(extended, 5), fitAndScore(extended, 5));
    assertFalse(fitAndScore(extended, 5).equals(fitAndScore(extended, 6)));
  }

  @Test
  void aSavedForestLoadsBackToBitIdenticalScores() {
    for (IsolationForestOptions options : List.of(IsolationForestOptions.defaults(),
        options(40, 128, null, 5), options(10, null, 0.5, null))) {
      IsolationForestDetector detector = new IsolationForestDetector(options);
      var fitted = detector.fit(TRAIN, 21);
      MapState state = new MapState();
      fitted.save(state);
      // Growing other forests in between must not disturb the regrowth.
      detector.fit(TRAIN, 22);

      var loaded = new IsolationForestDetector(options).load(state);
      assertArrayEquals(fitted.score(TEST).values(), loaded.score(TEST).values(), options.toString());
      assertArrayEquals(fitted.score(TRAIN).values(), loaded.score(TRAIN).values(), options.toString());
    }
  }

  @Test
  void concurrentFitsGiveWhatSequentialFitsGive() throws Exception {
    IsolationForestOptions options = options(20, null, null, 2);
    List<Long> seeds = List.of(11L, 12L, 13L, 14L);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Scores>> futures = seeds.stream().map(s -> pool.submit(() -> fitAndScore(options, s)))
          .toList();
      for (int i = 0; i < seeds.size(); i++) {
        assertArrayEquals(fitAndScore(options, seeds.get(i)).values(), futures.get(i).get().values());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void optionsHaveDefaultsAndNameTheKeyTheyReject() {
    assertEquals(new IsolationForestOptions(100, 256, null, 0, 0), IsolationForestOptions.defaults());
    assertEquals(new IsolationForestOptions(100, null, 0.7, 0, 0), options(null, null, 0.7, null));
    assertEquals("trees", assertThrows(OptionException.class,
        () -> options(0, null, null, null)).field());
    assertEquals("max_samples", assertThrows(OptionException.class,
        () -> options(null, 1, null, null)).field());
    assertEquals("subsample", assertThrows(OptionException.class,
        () -> options(null, null, 1.5, null)).field());
    assertEquals("subsample", assertThrows(OptionException.class,
        () -> options(null, null, 0.0, null)).field());
    assertEquals("max_depth", assertThrows(OptionException.class,
        () -> new IsolationForestOptions(null, null, null, -1, null)).field());
    assertEquals("extension_level", assertThrows(OptionException.class,
        () -> options(null, null, null, -2)).field());
  }

  @Test
  void maxSamplesAndSubsampleAreExclusive() {
    OptionException e = assertThrows(OptionException.class, () -> options(null, 256, 0.5, null));

    assertEquals("max_samples", e.field());
    assertTrue(e.getMessage().contains("'max_samples'") && e.getMessage().contains("'subsample'"),
        e.getMessage());
  }

  @Test
  void dataDependentMistakesAreUserErrors() {
    IsolationForestDetector tooExtended = new IsolationForestDetector(options(null, null, null,
        Planted.COLUMNS));
    assertTrue(assertThrows(UserException.class, () -> tooExtended.fit(TRAIN, 1)).getMessage()
        .contains("extension_level"));
    IsolationForestDetector detector = new IsolationForestDetector(IsolationForestOptions.defaults());
    assertThrows(UserException.class, () -> detector.fit(TEST, 1), "refuses anomalous training rows");
    assertThrows(UserException.class, () -> detector.fit(Planted.normal(1, 1), 1));
    Dataset wide = Dataset.of("wide", 1, 9, new float[9], Dataset.defaultFeatureNames(9), null);
    assertThrows(UserException.class, () -> detector.fit(TRAIN, 1).score(wide));
  }
}

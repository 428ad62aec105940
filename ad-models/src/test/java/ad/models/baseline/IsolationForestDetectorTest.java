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
    assertTrue(Arrays.stream(s).allMatch(v -> v > 0 && v <= 1), "scores lie in (0, 1]");
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
  void averagePathLengthIsTheHarmonicFormulaOfThePaper() {
    assertEquals(0, IsolationTrees.averagePathLength(0));
    assertEquals(0, IsolationTrees.averagePathLength(1));
    assertEquals(1, IsolationTrees.averagePathLength(2), 1e-15, "c(2) = 2 H(1) - 1 = 1");
    assertEquals(2 * 1.5 - 4.0 / 3, IsolationTrees.averagePathLength(3), 1e-15);
    // Exact harmonic numbers against the asymptotic series where they meet.
    for (int n : new int[] {64, 65, 256, 100_000}) {
      double h = 0;
      for (int k = 1; k < n; k++) {
        h += 1.0 / k;
      }
      assertEquals(2 * h - 2.0 * (n - 1) / n, IsolationTrees.averagePathLength(n), 1e-11, "n = " + n);
    }
  }

  @Test
  void pointsLikeTheTrainingRowsScoreAboutOneHalfAndFarPointsNearOne() {
    // Liu et al. (2008), section 2: s -> 0.5 when E[h] -> c(n), s -> 1 when E[h] -> 0.
    IsolationForestModel model = (IsolationForestModel) new IsolationForestDetector(
        IsolationForestOptions.defaults()).fit(TRAIN, 4);
    double[] inliers = model.score(Planted.normal(500, 77)).values();
    double mean = Arrays.stream(inliers).average().orElseThrow();
    assertTrue(mean > 0.35 && mean < 0.55, "mean score of rows like the training rows: " + mean);
    float[] far = new float[Planted.COLUMNS];
    Arrays.fill(far, 100f);
    double s = model.score(Dataset.of("far", 1, Planted.COLUMNS, far, Dataset.defaultFeatureNames(Planted.COLUMNS),
        null)).get(0);
    assertTrue(s > 0.7, "a point far from every training row: " + s);
  }

  @Test
  void identicalRowsEndTheirBranchInsteadOfCuttingToTheHeightLimit() {
    // 300 copies of one row and 10 others: the copies cannot be separated, so their leaf comes early
    // and is corrected by c(copies), as the paper's third stopping rule says.
    float[] values = new float[310 * 2];
    for (int r = 300; r < 310; r++) {
      values[2 * r] = r;
      values[2 * r + 1] = -r;
    }
    Dataset data = Dataset.of("copies", 310, 2, values, Dataset.defaultFeatureNames(2), null);
    IsolationForestModel model = (IsolationForestModel) new IsolationForestDetector(new IsolationForestOptions(
        50, 310, null, 40, null)).fit(data, 1);
    double[] scores = model.score(data).values();
    assertTrue(scores[0] < scores[305], "the many copies look more normal than the spread rows");
  }

  @Test
  void fitsUseNoGlobalStateSoInterleavedFitsChangeNothing() {
    IsolationForestOptions options = options(30, null, null, 3);
    Scores alone = fitAndScore(options, 5);
    // Other fits and Smile's global random state in between: nothing the forest reads.
    fitAndScore(options, 6);
    smile.math.MathEx.setSeed(12345);
    assertEquals(alone, fitAndScore(options, 5));
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
  void aForestSavedAsSmilesGrowthRecipeIsRefusedWithWhatToDo() {
    // The state of format versions 1 to 3: rows and seeds for Smile to regrow its trees.
    MapState old = new MapState();
    old.ints("columns", new int[] {Planted.COLUMNS});
    old.ints("depth", new int[] {8});
    old.ints("extension_level", new int[] {0});
    old.ints("rows_per_tree", new int[] {256});
    old.ints("distinct_rows", new int[] {1});
    old.floats("rows", new float[Planted.COLUMNS]);
    old.ints("tree_rows", new int[100 * 256]);
    old.ints("growth_seeds", new int[200]);
    UserException e = assertThrows(UserException.class,
        () -> new IsolationForestDetector(IsolationForestOptions.defaults()).load(old));
    assertTrue(e.getMessage().contains("saved by an earlier ad (model format 1 to 3)"), e.getMessage());
    assertTrue(e.getMessage().contains("refit it (run the experiment again with save_models: true)"),
        e.getMessage());
  }

  @Test
  void aDamagedForestIsRefusedBeforeAnyWalkCouldLoop() {
    IsolationForestOptions options = options(5, 16, null, null);
    MapState state = new MapState();
    new IsolationForestDetector(options).fit(TRAIN, 3).save(state);
    int[] left = ((int[]) state.values().get("left")).clone();
    int internal = 0;
    while (left[internal] < 0) {
      internal++;
    }
    left[internal] = internal;
    assertLoadFails(options, state, "left", left, "has children " + internal);
    int[] dims = ((int[]) state.values().get("dims")).clone();
    dims[internal] = Planted.COLUMNS;
    assertLoadFails(options, state, "dims", dims, "cuts column " + Planted.COLUMNS);
    int[] roots = ((int[]) state.values().get("roots")).clone();
    roots[2] = roots[1];
    assertLoadFails(options, state, "roots", roots, "does not split the nodes into trees");
    double[] values = ((double[]) state.values().get("values")).clone();
    values[internal] = Double.NaN;
    assertLoadFails(options, state, "values", values, "finite values only");
    assertLoadFails(options(6, 16, null, null), state, "left", state.values().get("left"), "holds 5 trees");
    assertLoadFails(options(5, 16, null, 1), state, "left", state.values().get("left"), "'trees_layout'");
  }

  private static void assertLoadFails(IsolationForestOptions options, MapState state, String key, Object value,
      String message) {
    MapState tampered = new MapState();
    tampered.values().putAll(state.values());
    tampered.put(key, value);
    UserException e = assertThrows(UserException.class, () -> new IsolationForestDetector(options).load(tampered));
    assertTrue(e.getMessage().contains(message), e.getMessage());
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

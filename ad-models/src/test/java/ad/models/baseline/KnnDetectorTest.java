package ad.models.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.UserException;
import ad.core.registry.OptionException;
import ad.core.registry.Registry;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kNN detector against a brute force written the plainest way (every row distance, sorted), on
 * small seeded tables with repeated rows and ties: both searches must give its scores bit for bit,
 * for new rows and for the training rows, which leave themselves out.
 */
class KnnDetectorTest {

  @Test
  void bothSearchesGiveThePlainBruteForceScoresBitForBit() {
    for (int columns : new int[] {1, 3, 9, 20}) {
      Dataset train = withRepeats(gaussian("train", 300, columns, 11), 40, 12);
      Dataset test = withRepeats(gaussian("test", 120, columns, 13), 10, 14);
      for (int k : new int[] {1, 2, 5, 17}) {
        for (KnnScore score : KnnScore.values()) {
          double[] expectedTest = plain(train, test, k, score, false);
          double[] expectedTrain = plain(train, train, k, score, true);
          for (KnnAlgorithm algorithm : new KnnAlgorithm[] {KnnAlgorithm.KD_TREE, KnnAlgorithm.BRUTE}) {
            String what = columns + " columns, k " + k + ", " + score + ", " + algorithm;
            DetectorModel model = new KnnDetector(new KnnOptions(k, score, algorithm)).fit(train, 0);
            assertArrayEquals(expectedTest, model.score(test).values(), what);
            assertArrayEquals(expectedTrain, model.score(train).values(), what + ", training rows");
          }
        }
      }
    }
  }

  /** More points and queries than one block of products, a test larger than one chunk of queries. */
  @Test
  void blocksAndChunksDoNotChangeTheScores() {
    Dataset train = withRepeats(gaussian("train", BruteForceSearch.POINT_BLOCK + 700, 24, 21), 300, 22);
    Dataset test = gaussian("test", BruteForceSearch.QUERY_BLOCK * 2 + 37, 24, 23);
    DetectorModel brute = new KnnDetector(new KnnOptions(4, KnnScore.MEAN, KnnAlgorithm.BRUTE)).fit(train, 0);
    assertArrayEquals(plain(train, test, 4, KnnScore.MEAN, false), brute.score(test).values());

    // 3 columns of small integers: a test of more than CHUNK_ROWS rows, nearly all repeats.
    Dataset grid = integerGrid("grid", 200, 3, 5, 31);
    Dataset many = integerGrid("many", KnnModel.CHUNK_ROWS + 5000, 3, 7, 32);
    DetectorModel tree = new KnnDetector(new KnnOptions(6, KnnScore.LARGEST, KnnAlgorithm.KD_TREE)).fit(grid, 0);
    double[] expected = plain(grid, many.select(range(0, 3000)), 6, KnnScore.LARGEST, false);
    double[] scores = tree.score(many).values();
    assertArrayEquals(expected, Arrays.copyOf(scores, 3000));
    // A row's score does not depend on the chunk it was scored in.
    assertArrayEquals(tree.score(many.select(range(KnnModel.CHUNK_ROWS, 5000))).values(),
        Arrays.copyOfRange(scores, KnnModel.CHUNK_ROWS, KnnModel.CHUNK_ROWS + 5000));
  }

  /**
   * Rows of a few integer values: many rows at exactly the same distance, and many repeated rows.
   * Whichever equally distant rows a search keeps, the k-th distance and the mean are the same.
   */
  @Test
  void tiesAndRepeatsGiveThePlainScores() {
    Dataset train = integerGrid("train", 400, 4, 3, 41);
    Dataset test = integerGrid("test", 100, 4, 4, 42);
    for (int k : new int[] {1, 3, 10, 50}) {
      for (KnnScore score : KnnScore.values()) {
        double[] expectedTest = plain(train, test, k, score, false);
        double[] expectedTrain = plain(train, train, k, score, true);
        for (KnnAlgorithm algorithm : new KnnAlgorithm[] {KnnAlgorithm.KD_TREE, KnnAlgorithm.BRUTE}) {
          DetectorModel model = new KnnDetector(new KnnOptions(k, score, algorithm)).fit(train, 0);
          assertArrayEquals(expectedTest, model.score(test).values());
          assertArrayEquals(expectedTrain, model.score(train).values());
        }
      }
    }
  }

  /**
   * A column that is nearly always 0 (its median splits would put equal values on both sides) and
   * queries far from every training row, as anomalies are in novelty mode: the tree stays exact.
   */
  @Test
  void theTreeIsExactOnTiedColumnsAndFarQueries() {
    Random random = new Random(91);
    int columns = 5;
    float[] values = new float[1200 * columns];
    for (int r = 0; r < 1200; r++) {
      values[r * columns] = random.nextInt(100) == 0 ? 1 : 0;
      for (int j = 1; j < columns; j++) {
        values[r * columns + j] = (float) (r < 1100 ? random.nextGaussian() : 8 + random.nextGaussian());
      }
    }
    Dataset all = Dataset.of("tied", 1200, columns, values, Dataset.defaultFeatureNames(columns), null);
    Dataset train = all.select(range(0, 800));
    Dataset test = all.select(range(800, 400));
    for (KnnScore score : KnnScore.values()) {
      DetectorModel model = new KnnDetector(new KnnOptions(7, score, KnnAlgorithm.KD_TREE)).fit(train, 0);
      assertArrayEquals(plain(train, test, 7, score, false), model.score(test).values());
      assertArrayEquals(plain(train, train, 7, score, true), model.score(train).values());
    }
  }

  /**
   * Near-duplicate rows far from the origin: the single-precision products lose every digit of these
   * distances, so the brute force must fall back on direct distances to stay exact.
   */
  @Test
  void theBruteForceFilterStaysExactWhereProductsLoseTheirDigits() {
    Random random = new Random(51);
    int columns = 40;
    float[] values = new float[500 * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (1000 + 1e-3 * random.nextGaussian());
    }
    Dataset all = Dataset.of("far", 500, columns, values, Dataset.defaultFeatureNames(columns), null);
    Dataset train = all.select(range(0, 400));
    Dataset test = all.select(range(400, 100));
    DetectorModel model = new KnnDetector(new KnnOptions(3, KnnScore.LARGEST, KnnAlgorithm.BRUTE)).fit(train, 0);
    assertArrayEquals(plain(train, test, 3, KnnScore.LARGEST, false), model.score(test).values());
  }

  @Test
  void aTrainingRowIsNotItsOwnNeighbourButACopyOfTheTrainingSetIsScoredAsNewRows() {
    Dataset train = gaussian("train", 50, 3, 61);
    DetectorModel model = new KnnDetector(new KnnOptions(1, null, null)).fit(train, 0);

    double[] own = model.score(train).values();
    assertTrue(Arrays.stream(own).allMatch(s -> s > 0), "distance to the nearest other row");
    Dataset copy = train.withName("copy");
    assertTrue(Arrays.stream(model.score(copy).values()).allMatch(s -> s == 0), "a copy is new rows");

    // A repeated training row: its other occurrence is a neighbour at distance 0.
    Dataset repeated = train.select(new int[] {0, 1, 2, 3, 3});
    double[] scores = new KnnDetector(new KnnOptions(1, null, null)).fit(repeated, 0).score(repeated)
        .values();
    assertEquals(0.0, scores[3]);
    assertEquals(0.0, scores[4]);
    assertTrue(scores[0] > 0);
  }

  @Test
  void kMustLeaveAtLeastOneOtherRowPerTrainingRow() {
    Dataset five = gaussian("five", 5, 2, 71);
    UserException e = assertThrows(UserException.class,
        () -> new KnnDetector(new KnnOptions(5, null, null)).fit(five, 0));
    assertTrue(e.getMessage().contains("k is 5, so it needs at least 6 training rows"), e.getMessage());
    assertTrue(e.getMessage().contains("'five' has 5"), e.getMessage());
    assertThrows(UserException.class, () -> new KnnDetector(new KnnOptions(9, null, null)).fit(five, 0));

    // k = rows - 1: every training row's neighbours are all the others.
    DetectorModel model = new KnnDetector(new KnnOptions(4, KnnScore.MEAN, null)).fit(five, 0);
    assertArrayEquals(plain(five, five, 4, KnnScore.MEAN, true), model.score(five).values());
    // Five rows standing for six: k = 5 is allowed when rows repeat.
    Dataset six = five.select(new int[] {0, 1, 2, 3, 4, 4});
    model = new KnnDetector(new KnnOptions(5, null, KnnAlgorithm.BRUTE)).fit(six, 0);
    assertArrayEquals(plain(six, six, 5, KnnScore.LARGEST, true), model.score(six).values());
  }

  @Test
  void refusesWrongWidthsAndNonFiniteTrainingRowsAndScoresNonFiniteRowsNaN() {
    Dataset train = gaussian("train", 30, 3, 81);
    DetectorModel model = new KnnDetector(KnnOptions.defaults()).fit(train, 0);
    UserException e = assertThrows(UserException.class, () -> model.score(gaussian("wide", 4, 4, 82)));
    assertEquals("knn was fitted on 3 columns, but 'wide' has 4", e.getMessage());

    float[] values = train.values();
    values[3 * 7 + 2] = Float.NaN;
    Dataset broken = train.withValues(values);
    e = assertThrows(UserException.class, () -> new KnnDetector(KnnOptions.defaults()).fit(broken, 0));
    assertTrue(e.getMessage().contains("training row 7 of 'train' holds NaN in column 'f3'"),
        e.getMessage());

    float[] test = {0, 0, 0, Float.POSITIVE_INFINITY, 0, 0, 0, Float.NaN, 0, 1, 1, 1};
    double[] scores = model.score(Dataset.of("test", 4, 3, test, Dataset.defaultFeatureNames(3), null))
        .values();
    assertTrue(Double.isFinite(scores[0]) && Double.isFinite(scores[3]));
    assertTrue(Double.isNaN(scores[1]) && Double.isNaN(scores[2]));
  }

  @Test
  void ranksThePlantedClusterFirstAndIgnoresTheSeed() {
    Dataset train = Planted.normal(300, 1);
    Dataset test = Planted.sample("test", 200, 10, 2);
    KnnDetector detector = new KnnDetector(KnnOptions.defaults());
    Scores scores = detector.fit(train, 1).score(test);

    assertTrue(Planted.auc(scores, test) > 0.99, "AUC " + Planted.auc(scores, test));
    assertEquals(scores, detector.fit(train, 2).score(test));
    assertThrows(UserException.class, () -> detector.fit(test, 1), "novelty: no anomalous rows");
  }

  @Test
  void optionsDefaultAsInTheLiteratureAndAreChecked() {
    KnnOptions defaults = KnnOptions.defaults();
    assertEquals(5, defaults.k());
    assertEquals(KnnScore.LARGEST, defaults.score());
    assertEquals(KnnAlgorithm.AUTO, defaults.algorithm());
    assertTrue(defaults.kdTree(KnnOptions.KD_TREE_MAX_COLUMNS));
    assertFalse(defaults.kdTree(KnnOptions.KD_TREE_MAX_COLUMNS + 1));
    assertTrue(new KnnOptions(null, null, KnnAlgorithm.KD_TREE).kdTree(100));
    assertFalse(new KnnOptions(null, null, KnnAlgorithm.BRUTE).kdTree(2));
    assertTrue(((KnnModel) new KnnDetector(defaults).fit(gaussian("t", 20, 3, 1), 0)).usesKdTree());
    assertFalse(((KnnModel) new KnnDetector(defaults).fit(gaussian("t", 20, 16, 1), 0)).usesKdTree());

    assertEquals("k", assertThrows(OptionException.class, () -> new KnnOptions(0, null, null)).field());
    assertEquals(List.of("largest", "mean"), Arrays.stream(KnnScore.values()).map(KnnScore::yamlName).toList());
    assertEquals(List.of("auto", "kd_tree", "brute"),
        Arrays.stream(KnnAlgorithm.values()).map(KnnAlgorithm::yamlName).toList());

    var type = Registry.load().find(Detector.class, "knn").orElseThrow();
    assertEquals(KnnOptions.class, type.optionsType());
    assertInstanceOf(KnnDetector.class, type.create(defaults));
  }

  @Test
  void distinctRowsMergeEqualRowsAndNoNaNRow() {
    float[] values = {1, 0f, 2, 3, 1, -0f, Float.NaN, 1, Float.NaN, 1, 2, 3};
    DistinctRows distinct = DistinctRows.of(values, 6, 2);
    assertArrayEquals(new int[] {0, 1, 0, 2, 3, 1}, distinct.rowToPoint());
    assertArrayEquals(new int[] {2, 2, 1, 1}, distinct.counts());
    assertEquals(6, distinct.rows());
    assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(distinct.points()[1]));
  }

  /**
   * The plain definition: each row's distances to all training rows (leaving out row i itself when
   * scoring the training rows), sorted; the k-th, or the mean of the first k added nearest first.
   */
  private static double[] plain(Dataset train, Dataset queries, int k, KnnScore score, boolean leaveOut) {
    int columns = train.columns();
    float[] t = train.values();
    float[] q = queries.values();
    double[] out = new double[queries.rows()];
    for (int i = 0; i < out.length; i++) {
      double[] distances = new double[train.rows() - (leaveOut ? 1 : 0)];
      int n = 0;
      for (int r = 0; r < train.rows(); r++) {
        if (leaveOut && r == i) {
          continue;
        }
        double sum = 0;
        for (int j = 0; j < columns; j++) {
          double d = (double) q[i * columns + j] - t[r * columns + j];
          sum += d * d;
        }
        distances[n++] = Math.sqrt(sum);
      }
      Arrays.sort(distances);
      if (score == KnnScore.LARGEST) {
        out[i] = distances[k - 1];
      } else {
        double sum = 0;
        for (int j = 0; j < k; j++) {
          sum += distances[j];
        }
        out[i] = sum / k;
      }
    }
    return out;
  }

  private static Dataset gaussian(String name, int rows, int columns, long seed) {
    Random random = new Random(seed);
    float[] values = new float[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return Dataset.of(name, rows, columns, values, Dataset.defaultFeatureNames(columns), null);
  }

  /** {@code data} with {@code repeats} of its rows, drawn at random, appended again. */
  private static Dataset withRepeats(Dataset data, int repeats, long seed) {
    Random random = new Random(seed);
    int[] rows = new int[data.rows() + repeats];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i < data.rows() ? i : random.nextInt(data.rows());
    }
    return data.select(rows);
  }

  /** Rows of integers in {@code [0, levels)}: many ties and repeats. */
  private static Dataset integerGrid(String name, int rows, int columns, int levels, long seed) {
    Random random = new Random(seed);
    float[] values = new float[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(levels);
    }
    return Dataset.of(name, rows, columns, values, Dataset.defaultFeatureNames(columns), null);
  }

  private static int[] range(int from, int count) {
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = from + i;
    }
    return out;
  }
}

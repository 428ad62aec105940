package ad.models.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.TrainingHistory;
import ad.core.UserException;
import ad.models.network.Activation;
import ad.models.network.Reconstructor;
import ad.models.train.Holdout;
import ad.models.train.TrainingLoop;
import ad.models.train.TrainingOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DenseAutoencoderTest {
  private static final Manifold SURFACE = new Manifold(20, 2, 11L);
  private static final Dataset TRAIN = SURFACE.sample("train", 600, 0, 1L);
  private static final Dataset TEST = SURFACE.sample("test", 300, 100, 2L);
  private static final int EPOCHS = 20;

  /** The classic tutorial net, 20 -> 10 -> 20, fitted once and shared by the tests that only read it. */
  private static DetectorModel trained;

  @BeforeAll
  static void fitOnce() {
    trained = new DenseAutoencoder(options(List.of(10), null, EPOCHS, null, null, null, null, null))
        .fit(TRAIN, 42);
  }

  private static DenseAutoencoderOptions options(List<Integer> hidden, Double learningRate,
      Integer epochs, Integer batchSize, Double validationSplit, Integer patience, Double dropout,
      Double l2) {
    // Sigmoid output: the data are in [0, 1], and these tests' figures were measured with it.
    // Batches of 32 unless given: the family's default before issue 13.
    return new DenseAutoencoderOptions(hidden, null, Activation.SIGMOID, null, new TrainingOptions(learningRate,
        epochs, batchSize != null ? batchSize : 32, validationSplit, patience, dropout, l2, null, null));
  }

  @Test
  void learnsTheSurfaceThatAnUntrainedNetworkCannotSee() {
    double auc = Auc.of(trained.score(TEST), TEST);
    // The anomalies keep every column's marginal distribution, so a network that has not learned the
    // dependence between columns ranks them little better than chance. Learning rate 1e-12 leaves the
    // weights at their seeded initialisation (Adam moves each weight by about the learning rate).
    DetectorModel untrained = new DenseAutoencoder(options(List.of(10), 1e-12, 1, null, null, null,
        null, null)).fit(TRAIN, 42);
    double untrainedAuc = Auc.of(untrained.score(TEST), TEST);
    // Measured: trained ~0.998, untrained ~0.50-0.56 over seeds 0-4.
    assertTrue(auc > 0.95, "trained AUC " + auc);
    assertTrue(untrainedAuc < 0.7, "untrained AUC " + untrainedAuc);
  }

  @Test
  void historyWithoutValidationKeepsTheFinalEpoch() {
    TrainingHistory history = trained.trainingHistory().orElseThrow();
    assertEquals(EPOCHS, history.epochs());
    assertTrue(history.validationLoss().isEmpty());
    assertEquals(EPOCHS - 1, history.bestEpoch());
    assertFalse(history.stoppedEarly());
    List<Double> loss = history.trainLoss();
    assertTrue(loss.get(EPOCHS - 1) < loss.get(0) / 5, "train loss " + loss);
  }

  @Test
  void sameSeedGivesIdenticalScoresAndOtherSeedsDiffer() {
    // Every random stream at once: validation hold-out, initialisation, shuffling, dropout masks.
    Dataset small = SURFACE.sample("small", 120, 0, 3L);
    DenseAutoencoder detector = new DenseAutoencoder(options(List.of(8, 4, 8), null, 3, 16, 0.25,
        null, 0.2, 1e-4));
    DetectorModel first = detector.fit(small, 7);
    DetectorModel again = detector.fit(small, 7);
    DetectorModel other = detector.fit(small, 8);
    assertArrayEquals(first.score(TEST).values(), again.score(TEST).values());
    assertEquals(first.trainingHistory(), again.trainingHistory());
    assertNotEquals(first.score(TEST), other.score(TEST));
  }

  @Test
  void sameSeedOnAnotherThreadGivesIdenticalScores() throws Exception {
    // ND4J's RNG is per thread; a fit must not depend on what the thread did before.
    Dataset small = SURFACE.sample("small", 120, 0, 3L);
    DenseAutoencoder detector = new DenseAutoencoder(options(List.of(6), null, 2, 16, null, null,
        0.3, null));
    Scores here = detector.fit(small, 5).score(TEST);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Scores there = pool.submit(() -> detector.fit(small, 5).score(TEST)).get();
      assertEquals(here, there);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void earlyStoppingStopsAndRestoresTheBestWeights() {
    // Uniform noise through a bottleneck: what the network learns about its 30 training rows does
    // not carry over to the 30 held out, so the validation loss soon stops improving.
    Random random = new Random(5);
    int rows = 60;
    int columns = 30;
    float[] values = new float[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat();
    }
    Dataset noise = Dataset.of("noise", rows, columns, values, Dataset.defaultFeatureNames(columns),
        null);
    int patience = 5;
    DenseAutoencoderOptions options = options(List.of(8), 0.03, 200, 16, 0.5, patience, null, null);
    DetectorModel model = new DenseAutoencoder(options).fit(noise, 42);

    TrainingHistory history = model.trainingHistory().orElseThrow();
    assertTrue(history.stoppedEarly());
    assertTrue(history.epochs() < 200);
    assertEquals(history.epochs(), history.validationLoss().size());
    assertEquals(history.epochs() - 1 - patience, history.bestEpoch());
    double best = history.validationLoss().get(history.bestEpoch());
    assertEquals(Collections.min(history.validationLoss()), best);
    assertTrue(history.validationLoss().get(history.epochs() - 1) > best);
    // The kept weights are the best epoch's, not the last: they reproduce its validation loss.
    Dataset validation = TrainingLoop.holdout(noise, options.training(), 42).validation();
    assertEquals(best, mean(model.score(validation).values()), 1e-12);
  }

  @Test
  void explainRowMeansAreTheScores() {
    FeatureErrors errors = trained.explain(TEST).orElseThrow();
    assertEquals(TEST.rows(), errors.rows());
    assertEquals(TEST.featureNames(), errors.featureNames());
    double[] scores = trained.score(TEST).values();
    for (int r = 0; r < TEST.rows(); r++) {
      double sum = 0;
      for (int c = 0; c < errors.columns(); c++) {
        sum += errors.get(r, c);
      }
      assertEquals(scores[r], sum / errors.columns(), 1e-12 * scores[r]);
    }
  }

  @Test
  void scoringInBatchesMatchesScoringRowsAlone() {
    // More rows than one scoring batch: the rows after the batch boundary score as they do alone.
    int rows = Reconstructor.BATCH_ROWS + 100;
    Dataset big = SURFACE.sample("big", rows, 0, 4L);
    double[] all = trained.score(big).values();
    int[] probe = {0, Reconstructor.BATCH_ROWS - 1, Reconstructor.BATCH_ROWS, rows - 1};
    double[] alone = trained.score(big.select(probe)).values();
    for (int i = 0; i < probe.length; i++) {
      assertEquals(all[probe[i]], alone[i], 1e-6 * alone[i]);
    }
  }

  @Test
  void scoresFromSeveralThreadsAtOnceMatch() throws Exception {
    Scores expected = trained.score(TEST);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Scores>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> trained.score(TEST)));
      }
      for (Future<Scores> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void emptyDataScoresToNothing() {
    Dataset empty = TEST.select(new int[0]);
    assertEquals(0, trained.score(empty).size());
    assertEquals(0, trained.explain(empty).orElseThrow().rows());
  }

  @Test
  void refusesAnomaliesInTraining() {
    UserException e = assertThrows(UserException.class,
        () -> new DenseAutoencoder(new DenseAutoencoderOptions(List.of(4))).fit(TEST, 1));
    assertTrue(e.getMessage().contains("100 rows labelled anomalous"), e.getMessage());
  }

  @Test
  void refusesTooFewRows() {
    Dataset one = TRAIN.select(new int[] {0});
    UserException e = assertThrows(UserException.class,
        () -> new DenseAutoencoder(new DenseAutoencoderOptions(List.of(4))).fit(one, 1));
    assertTrue(e.getMessage().contains("'train' has 1 rows"), e.getMessage());

    Dataset three = TRAIN.select(new int[] {0, 1, 2});
    DenseAutoencoderOptions halfHeldOut = options(List.of(4), null, null, null, 0.5, null, null, null);
    e = assertThrows(UserException.class, () -> new DenseAutoencoder(halfHeldOut).fit(three, 1));
    assertTrue(e.getMessage().contains("after holding out 2 for validation"), e.getMessage());
  }

  @Test
  void refusesAnotherColumnCountNamingBoth() {
    Dataset narrow = dropLastColumn(TEST);
    UserException e = assertThrows(UserException.class, () -> trained.score(narrow));
    assertEquals("model was trained on 20 features but 'test' has 19", e.getMessage());
    assertThrows(UserException.class, () -> trained.explain(narrow));
  }

  @Test
  void holdoutIsSeededAndDisjoint() {
    DenseAutoencoderOptions options = options(List.of(4), null, null, null, 0.2, null, null, null);
    Holdout a = TrainingLoop.holdout(TRAIN, options.training(), 9);
    Holdout b = TrainingLoop.holdout(TRAIN, options.training(), 9);
    assertEquals(480, a.train().rows());
    assertEquals(120, a.validation().rows());
    assertArrayEquals(a.validation().values(), b.validation().values());
    assertNull(TrainingLoop.holdout(TRAIN, TrainingOptions.DEFAULTS, 9).validation());
  }

  private static Dataset dropLastColumn(Dataset data) {
    int columns = data.columns() - 1;
    float[] values = new float[data.rows() * columns];
    for (int r = 0; r < data.rows(); r++) {
      for (int c = 0; c < columns; c++) {
        values[r * columns + c] = data.value(r, c);
      }
    }
    return Dataset.of(data.name(), data.rows(), columns, values,
        data.featureNames().subList(0, columns), data.labels());
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}

package ad.models.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.TrainingHistory;
import ad.core.UserException;
import ad.core.registry.OptionException;
import ad.models.Training;
import ad.models.dense.Auc;
import ad.models.dense.Manifold;
import ad.models.network.Likelihood;
import ad.models.train.TrainingOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariationalAutoencoderTest {
  private static final Manifold SURFACE = new Manifold(20, 2, 11L);
  private static final Dataset TRAIN = SURFACE.sample("train", 600, 0, 1L);
  private static final Dataset TEST = SURFACE.sample("test", 300, 100, 2L);

  private static VariationalAutoencoderOptions options(Double learningRate, Integer epochs,
      Double beta, Likelihood reconstruction, VaeScore score) {
    return new VariationalAutoencoderOptions(List.of(16), 2, null, beta, reconstruction, score, null,
        new TrainingOptions(learningRate, epochs, 16, null, null, null, null, null, null));
  }

  @ParameterizedTest
  @CsvSource({"BERNOULLI,RECONSTRUCTION_PROBABILITY", "BERNOULLI,RECONSTRUCTION_ERROR",
      "BERNOULLI,NEGATIVE_ELBO", "GAUSSIAN,RECONSTRUCTION_PROBABILITY"})
  void learnsTheSurfaceThatAnUntrainedNetworkCannotSee(Likelihood reconstruction, VaeScore score) {
    // Measured (seed 42): trained 0.956 (bernoulli, probability), 1.000 (bernoulli, error), 0.957
    // (bernoulli, ELBO), 1.000 (gaussian, probability); learning rate 1e-12 (weights stay at their
    // seeded initialisation): 0.43-0.54.
    double auc = Auc.of(new VariationalAutoencoder(options(3e-3, 30, null, reconstruction, score))
        .fit(TRAIN, 42).score(TEST), TEST);
    double untrained = Auc.of(new VariationalAutoencoder(options(1e-12, 1, null, reconstruction,
        score)).fit(TRAIN, 42).score(TEST), TEST);
    assertTrue(auc > 0.9, reconstruction + "/" + score + " AUC " + auc);
    assertTrue(untrained < 0.7, reconstruction + "/" + score + " untrained AUC " + untrained);
  }

  @Test
  void sameSeedGivesIdenticalScoresAndHistories() {
    VariationalAutoencoderOptions o = new VariationalAutoencoderOptions(List.of(8), 2, null, null,
        Likelihood.BERNOULLI, null, 5, Training.with().epochs(3).batchSize(16).validationSplit(0.2)
        .dropout(0.1).l2(1e-4).options());
    DetectorModel a = new VariationalAutoencoder(o).fit(TRAIN, 7);
    DetectorModel b = new VariationalAutoencoder(o).fit(TRAIN, 7);
    DetectorModel c = new VariationalAutoencoder(o).fit(TRAIN, 8);
    assertArrayEquals(a.score(TEST).values(), b.score(TEST).values());
    assertEquals(a.trainingHistory(), b.trainingHistory());
    assertNotEquals(a.score(TEST), c.score(TEST));
    assertEquals(a.score(TEST), a.score(TEST), "Monte Carlo draws are seeded");
  }

  @Test
  void aRowScoresTheSameAloneAsInABatch() {
    DetectorModel model = new VariationalAutoencoder(options(null, 2, null,
        Likelihood.BERNOULLI, null))
        .fit(TRAIN, 1);
    double[] all = model.score(TEST).values();
    double[] alone = model.score(TEST.select(new int[] {350})).values();
    assertEquals(all[350], alone[0], 1e-9);
  }

  @Test
  void betaZeroTrainsAnotherModel() {
    DetectorModel elbo = new VariationalAutoencoder(options(null, 3, 1.0,
        Likelihood.BERNOULLI, null))
        .fit(TRAIN, 3);
    DetectorModel noKl = new VariationalAutoencoder(options(null, 3, 0.0,
        Likelihood.BERNOULLI, null))
        .fit(TRAIN, 3);
    TrainingHistory withKl = elbo.trainingHistory().orElseThrow();
    TrainingHistory without = noKl.trainingHistory().orElseThrow();
    assertTrue(withKl.trainLoss().get(0) > without.trainLoss().get(0),
        withKl.trainLoss() + " vs " + without.trainLoss());
    assertNotEquals(elbo.score(TEST), noKl.score(TEST));
  }

  @Test
  void reconstructionProbabilityStaysFiniteWhereTheLikelihoodUnderflows() {
    // A row far off the data: p(x | z) over 20 Gaussian features is far below the smallest double.
    DetectorModel model = new VariationalAutoencoder(options(null, 5, null,
        Likelihood.GAUSSIAN, null))
        .fit(TRAIN, 1);
    float[] far = new float[20];
    java.util.Arrays.fill(far, 1e3f);
    double score = model.score(Dataset.of("far", 1, 20, far, Dataset.defaultFeatureNames(20), null))
        .get(0);
    assertTrue(Double.isFinite(score) && score > 1e4, "score " + score);
  }

  @Test
  void explainGivesPerFeatureErrors() {
    DetectorModel model = new VariationalAutoencoder(options(null, 2, null, Likelihood.BERNOULLI,
        VaeScore.RECONSTRUCTION_ERROR)).fit(TRAIN, 1);
    FeatureErrors errors = model.explain(TEST).orElseThrow();
    double[] scores = model.score(TEST).values();
    for (int r = 0; r < TEST.rows(); r++) {
      double sum = 0;
      for (int c = 0; c < TEST.columns(); c++) {
        sum += errors.get(r, c);
      }
      assertEquals(scores[r], sum / TEST.columns(), 1e-6);
    }
  }

  @Test
  void refusesWrongShapesAndBernoulliOutsideTheUnitInterval() {
    DetectorModel model = new VariationalAutoencoder(options(null, 1, null, null, null))
        .fit(TRAIN, 1);
    Dataset narrow = Dataset.of("narrow", 1, 3, new float[3], Dataset.defaultFeatureNames(3), null);
    UserException e = assertThrows(UserException.class, () -> model.score(narrow));
    assertEquals("model was trained on 20 features but 'narrow' has 3", e.getMessage());
    assertThrows(UserException.class, () -> model.explain(narrow));

    Dataset wide = Dataset.of("wide", 2, 1, new float[] {0.5f, 2f}, List.of("a"), null);
    UserException outside = assertThrows(UserException.class,
        () -> new VariationalAutoencoder(options(null, 1, null,
        Likelihood.BERNOULLI, null)).fit(wide, 1));
    assertTrue(outside.getMessage().contains("[0, 1]") && outside.getMessage().contains("row 2"),
        outside.getMessage());
  }

  @Test
  void optionsTakeDefaultsAndNameTheirKeys() {
    VariationalAutoencoderOptions o = new VariationalAutoencoderOptions(List.of(8));
    assertEquals(2, o.latentDim());
    assertEquals(1.0, o.beta());
    assertEquals(Likelihood.GAUSSIAN, o.reconstruction());
    assertEquals(VaeScore.RECONSTRUCTION_PROBABILITY, o.score());
    assertEquals(10, o.samples());
    assertEquals(50, o.training().epochs());
    assertKey("hidden_layers", () -> new VariationalAutoencoderOptions(List.of()));
    assertKey("latent_dim", () -> new VariationalAutoencoderOptions(List.of(4), 0, null, null, null,
        null, null, null));
    assertKey("beta", () -> options(null, null, -1.0, null, null));
    assertKey("samples", () -> new VariationalAutoencoderOptions(List.of(4), null, null, null, null,
        null, 0, null));
    assertKey("epochs", () -> options(null, 0, null, null, null));
    assertKey("learning_rate", () -> options(0.0, null, null, null, null));
  }

  private static void assertKey(String key, Runnable build) {
    OptionException e = assertThrows(OptionException.class, build::run);
    assertEquals(key, e.field(), e.getMessage());
  }
}

package ad.models.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.UserException;
import ad.core.registry.OptionException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcaDetectorTest {

  private static final Dataset TRAIN = Planted.normal(300, 1);
  private static final Dataset TEST = Planted.sample("test", 200, 10, 2);

  @Test
  void ranksThePlantedClusterFirst() {
    Scores scores = new PcaDetector(PcaOptions.defaults()).fit(TRAIN, 0).score(TEST);

    assertTrue(Planted.auc(scores, TEST) > 0.99, "AUC " + Planted.auc(scores, TEST));
  }

  @Test
  void keepsTheComponentsAskedForOrEnoughForTheVariance() {
    // The normal rows span a plane, so two components hold nearly all of their variance.
    assertEquals(2, ((PcaModel) new PcaDetector(PcaOptions.defaults()).fit(TRAIN, 0)).components());
    assertEquals(3, ((PcaModel) new PcaDetector(PcaOptions.ofComponents(3)).fit(TRAIN, 0)).components());
    assertEquals(Planted.COLUMNS,
        ((PcaModel) new PcaDetector(new PcaOptions(null, 1.0)).fit(TRAIN, 0)).components());
    assertEquals(1, PcaDetector.componentsFor(new double[] {0.5, 0.9, 1.0}, 0.5));
    assertEquals(2, PcaDetector.componentsFor(new double[] {0.5, 0.9, 1.0}, 0.6));
    assertEquals(0, PcaDetector.componentsFor(new double[] {Double.NaN, Double.NaN}, 0.95));
  }

  @Test
  void isDeterministicWhateverTheSeed() {
    PcaDetector detector = new PcaDetector(PcaOptions.defaults());

    assertEquals(detector.fit(TRAIN, 1).score(TEST), detector.fit(TRAIN, 1).score(TEST));
    assertEquals(detector.fit(TRAIN, 1).score(TEST), detector.fit(TRAIN, 2).score(TEST));
  }

  @Test
  void theRowMeanOfTheFeatureErrorsIsTheScore() {
    DetectorModel model = new PcaDetector(PcaOptions.ofComponents(2)).fit(TRAIN, 0);
    Scores scores = model.score(TEST);
    FeatureErrors errors = model.explain(TEST).orElseThrow();

    assertEquals(TEST.rows(), errors.rows());
    assertEquals(TEST.featureNames(), errors.featureNames());
    for (int r = 0; r < TEST.rows(); r++) {
      double sum = 0;
      for (int j = 0; j < errors.columns(); j++) {
        assertTrue(errors.get(r, j) >= 0);
        sum += errors.get(r, j);
      }
      assertEquals(scores.get(r), sum / errors.columns(), 1e-12 * Math.max(1, scores.get(r)));
    }
  }

  @Test
  void allComponentsReconstructExactlyAndConstantDataDoesNotThrow() {
    Scores full = new PcaDetector(PcaOptions.ofComponents(Planted.COLUMNS)).fit(TRAIN, 0).score(TEST);
    assertTrue(Arrays.stream(full.values()).allMatch(v -> v < 1e-9), "nothing is left to reconstruct");

    Dataset constant = Dataset.of("constant", 5, 3, new float[15], Dataset.defaultFeatureNames(3), null);
    Scores scores = new PcaDetector(PcaOptions.defaults()).fit(constant, 0).score(constant);
    assertEquals(new Scores(new double[5]), scores);
  }

  @Test
  void mahalanobisWithAllComponentsIsTheSquaredMahalanobisDistance() {
    // Two correlated columns: the score must equal (x - mean)' inverse(covariance) (x - mean), with
    // the sample covariance (n - 1), computed here by hand.
    int n = 400;
    float[] values = new float[2 * n];
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int i = 0; i < n; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      values[2 * i] = (float) (3 * a + 1);
      values[2 * i + 1] = (float) (2 * a + 0.5 * b - 2);
    }
    Dataset train = Dataset.of("train", n, 2, values, Dataset.defaultFeatureNames(2), null);
    double[] mean = new double[2];
    for (int i = 0; i < n; i++) {
      mean[0] += values[2 * i] / (double) n;
      mean[1] += values[2 * i + 1] / (double) n;
    }
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = values[2 * i] - mean[0];
      double dy = values[2 * i + 1] - mean[1];
      sxx += dx * dx / (n - 1);
      sxy += dx * dy / (n - 1);
      syy += dy * dy / (n - 1);
    }
    double det = sxx * syy - sxy * sxy;
    float[] probe = {4f, 0f, -2f, -3f, 1f, -2f};
    Dataset test = Dataset.of("test", 3, 2, probe, Dataset.defaultFeatureNames(2), null);
    Scores scores = new PcaDetector(new PcaOptions(null, 1.0, PcaScore.MAHALANOBIS)).fit(train, 0)
        .score(test);
    for (int r = 0; r < 3; r++) {
      double dx = probe[2 * r] - mean[0];
      double dy = probe[2 * r + 1] - mean[1];
      double expected = (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det;
      assertEquals(expected, scores.get(r), 1e-6 * expected, "row " + r);
    }
  }

  @Test
  void mahalanobisRanksThePlantedClusterFirstAndExplainsNothingPerColumn() {
    DetectorModel model = new PcaDetector(new PcaOptions(null, 1.0, PcaScore.MAHALANOBIS)).fit(TRAIN, 0);
    assertTrue(Planted.auc(model.score(TEST), TEST) > 0.99, "AUC " + Planted.auc(model.score(TEST), TEST));
    assertTrue(model.explain(TEST).isEmpty());
  }

  @Test
  void optionsNameTheKeyTheyReject() {
    assertEquals(PcaScore.RECONSTRUCTION_ERROR, PcaOptions.defaults().score());
    assertEquals(new PcaOptions(null, 0.95), PcaOptions.defaults());
    assertEquals("components", assertThrows(OptionException.class, () -> new PcaOptions(2, 0.9)).field());
    assertEquals("components", assertThrows(OptionException.class, () -> new PcaOptions(0, null)).field());
    assertEquals("variance", assertThrows(OptionException.class, () -> new PcaOptions(null, 0.0)).field());
    assertEquals("variance", assertThrows(OptionException.class, () -> new PcaOptions(null, 1.2)).field());
    PcaDetector tooMany = new PcaDetector(PcaOptions.ofComponents(Planted.COLUMNS + 1));
    assertTrue(assertThrows(UserException.class, () -> tooMany.fit(TRAIN, 0)).getMessage()
        .contains("'components'"));
  }
}

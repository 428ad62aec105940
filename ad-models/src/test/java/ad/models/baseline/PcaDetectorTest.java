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
  void optionsNameTheKeyTheyReject() {
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

package ad.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Max-F1, precision at n, PR AUC and the chance-adjusted forms, on hand-computed cases. */
class MoreMeasuresTest {
  private static final boolean T = true;
  private static final boolean F = false;
  // Anomalies at 0.9 and 0.7 among five rows; the PR points (flag >= cut) are:
  // 0.9: tp 1 fp 0 (r .5, p 1); 0.8: tp 1 fp 1 (r .5, p .5); 0.7: tp 2 fp 1 (r 1, p 2/3);
  // 0.2: tp 2 fp 2 (r 1, p .5); 0.1: tp 2 fp 3 (r 1, p .4).
  private static final boolean[] LABELS = {T, F, T, F, F};
  private static final double[] SCORES = {0.9, 0.8, 0.7, 0.2, 0.1};

  @Test
  void maxF1() {
    // F1 = 2tp / (tp + fp + P): 2/3, 1/2, 4/5, 4/6, 4/7: best 0.8 at cut 0.7, i.e. score > 0.2.
    MaxF1 best = MaxF1.of(LABELS, SCORES);
    assertEquals(0.8, best.f1(), 1e-15);
    assertEquals(0.2, best.threshold());
    assertEquals(3, best.flagged());
    // Chance: flag everything, 2r / (1 + r) with r = 0.4: 0.8 / 1.4.
    assertEquals(0.8 / 1.4, MaxF1.chance(LABELS), 1e-15);
    assertEquals(MaxF1.chance(LABELS), MaxF1.of(LABELS, new double[5]).f1(), 1e-15);
    assertTrue(Double.isNaN(MaxF1.of(new boolean[] {F, F}, new double[] {1, 2}).f1()));
  }

  @Test
  void maxF1AgreesWithBruteForce() {
    Random random = new Random(11);
    for (int trial = 0; trial < 20; trial++) {
      boolean[] labels = Fixtures.labels(random, 60, 0.2);
      double[] scores = Fixtures.scores(random, labels, 3);
      MaxF1 best = MaxF1.of(labels, scores);
      if (Double.isNaN(best.f1())) {
        continue;
      }
      double bruteForce = 0;
      for (double cut : scores) {
        boolean[] flagged = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
          flagged[i] = scores[i] >= cut;
        }
        bruteForce = Math.max(bruteForce, ConfusionMatrix.of(labels, flagged).f1());
      }
      assertEquals(bruteForce, best.f1(), 1e-12);
      boolean[] atThreshold = new boolean[scores.length];
      for (int i = 0; i < scores.length; i++) {
        atThreshold[i] = scores[i] > best.threshold();
      }
      assertEquals(best.f1(), ConfusionMatrix.of(labels, atThreshold).f1(), 1e-12);
    }
  }

  @Test
  void precisionAtN() {
    // n = 2: the top two are 0.9 (anomaly) and 0.8 (normal): 1/2.
    assertEquals(0.5, PrecisionAtN.of(LABELS, SCORES), 1e-15);
    // Tie across the n-th place: scores {3, 2, 2, 1}, anomalies at 3 and one of the 2s; n = 2.
    // 3 gives 1 anomaly; one more row from the tied pair {T, F} at share 1/2: (1 + 0.5) / 2 = 0.75.
    assertEquals(0.75, PrecisionAtN.of(new boolean[] {T, T, F, F}, new double[] {3, 2, 2, 1}),
        1e-15);
    assertEquals(0.4, PrecisionAtN.of(LABELS, new double[5]), 1e-15);
    assertEquals(0.4, PrecisionAtN.chance(LABELS), 1e-15);
    assertTrue(Double.isNaN(PrecisionAtN.of(new boolean[] {F}, new double[] {1})));
  }

  @Test
  void prAucIsTrapezoidalWithTheAnchor() {
    // From (0, 1): 0.5 * (1 + 1) / 2 = 0.5; recall steps 0 at 0.8; 0.5 * (0.5 + 2/3) / 2 = 0.291667;
    // then recall stays 1. Total 0.791667 (sklearn.metrics.auc(recall, precision) gives the same).
    assertEquals(0.5 + 0.5 * (0.5 + 2.0 / 3) / 2, PrAuc.of(LABELS, SCORES), 1e-15);
    // Constant: (0, 1) to (1, 0.4): 0.7 = (1 + r) / 2.
    assertEquals(0.7, PrAuc.of(LABELS, new double[5]), 1e-15);
    assertEquals(0.7, PrAuc.chance(LABELS), 1e-15);
    assertTrue(Double.isNaN(PrAuc.of(new boolean[] {F}, new double[] {1})));
  }

  @Test
  void chanceAdjusted() {
    // AP = 0.5 * 1 + 0.5 * 2/3 = 5/6; rate 0.4: (5/6 - 0.4) / 0.6 = 13/18.
    assertEquals(5.0 / 6, AveragePrecision.of(LABELS, SCORES), 1e-15);
    assertEquals(13.0 / 18, ChanceAdjusted.averagePrecision(LABELS, SCORES), 1e-15);
    assertEquals(0.0, ChanceAdjusted.averagePrecision(LABELS, new double[5]), 1e-15);
    // AUC: anomaly 0.9 beats 3 normal rows, 0.7 beats 2: 5 of 6; 2 * 5/6 - 1 = 2/3.
    assertEquals(2.0 / 3, ChanceAdjusted.rocAuc(LABELS, SCORES), 1e-15);
    assertEquals(0.0, ChanceAdjusted.rocAuc(LABELS, new double[5]), 1e-15);
    assertTrue(Double.isNaN(ChanceAdjusted.averagePrecision(new boolean[] {T}, new double[] {1})));
  }

  @Test
  void confusionMatrixMeasuresByHand() {
    ConfusionMatrix c = new ConfusionMatrix(3, 1, 4, 2);
    // F2 = 5 * 3 / (5 * 3 + 4 * 2 + 1) = 15/24; F0.5 = 1.25 * 3 / (3.75 + 0.25 * 2 + 1) = 3.75/5.25.
    assertEquals(15.0 / 24, c.fBeta(2), 1e-15);
    assertEquals(3.75 / 5.25, c.fBeta(0.5), 1e-15);
    assertEquals(c.f1(), c.fBeta(1), 1e-15);
    // MCC = (3 * 4 - 1 * 2) / sqrt(4 * 5 * 5 * 6) = 10 / sqrt(600).
    assertEquals(10 / Math.sqrt(600), c.mcc(), 1e-15);
    // Balanced accuracy (3/5 + 4/5) / 2 = 0.7; false alarms 1/5; missed 2/5.
    assertEquals(0.7, c.balancedAccuracy(), 1e-15);
    assertEquals(0.2, c.falseAlarmRate(), 1e-15);
    assertEquals(0.4, c.missedAlarmRate(), 1e-15);
    assertEquals(0.8, c.specificity(), 1e-15);
    // Undefined where a margin is 0.
    ConfusionMatrix none = new ConfusionMatrix(0, 0, 5, 2);
    assertTrue(Double.isNaN(none.mcc()));
    assertEquals(0.0, none.fBeta(2));
    assertTrue(Double.isNaN(new ConfusionMatrix(0, 0, 5, 0).balancedAccuracy()));
    assertTrue(Double.isNaN(new ConfusionMatrix(0, 0, 5, 0).missedAlarmRate()));
    assertThrows(IllegalArgumentException.class, () -> c.fBeta(0));
  }

  @Test
  void confusionMatrixMeasuresAgreeWithSmile() {
    Random random = new Random(5);
    for (int trial = 0; trial < 20; trial++) {
      boolean[] labels = Fixtures.labels(random, 200, 0.3);
      boolean[] predictions = Fixtures.labels(random, 200, 0.4);
      int[] truth = Fixtures.ints(labels);
      int[] predicted = Fixtures.ints(predictions);
      ConfusionMatrix c = ConfusionMatrix.of(labels, predictions);
      assertEquals(smile.validation.metric.MatthewsCorrelation.of(truth, predicted), c.mcc(), 1e-12);
      assertEquals(smile.validation.metric.FScore.of(2, truth, predicted), c.fBeta(2), 1e-12);
      assertEquals(smile.validation.metric.FScore.of(0.5, truth, predicted), c.fBeta(0.5), 1e-12);
      assertEquals(smile.validation.metric.Fallout.of(truth, predicted), c.falseAlarmRate(), 1e-12);
      assertEquals(smile.validation.metric.Specificity.of(truth, predicted), c.specificity(), 1e-12);
      assertEquals(1 - smile.validation.metric.Recall.of(truth, predicted), c.missedAlarmRate(),
          1e-12);
    }
  }
}

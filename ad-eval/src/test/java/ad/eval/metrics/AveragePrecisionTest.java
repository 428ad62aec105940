package ad.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AveragePrecisionTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void sklearnDocumentedExample() {
    // (R, P) at cuts 0.8, 0.4, 0.35, 0.1: (0.5, 1), (0.5, 0.5), (1, 2/3), (1, 0.5).
    // AP = 0.5 * 1 + 0 * 0.5 + 0.5 * 2/3 + 0 * 0.5 = 0.8333...
    double ap = AveragePrecision.of(new boolean[] {F, F, T, T}, new double[] {0.1, 0.4, 0.35, 0.8});
    assertEquals(0.5 + 1.0 / 3, ap, 1e-15);
  }

  @Test
  void tiedGroupUsesItsOwnPrecision() {
    // anomalies {3, 2, 1}, normal {3, 1, 0}: (R, P) at cuts 3, 2, 1, 0 = (1/3, 1/2), (2/3, 2/3),
    // (1, 3/5), (1, 1/2). AP = 1/3 * 1/2 + 1/3 * 2/3 + 1/3 * 3/5 = (15 + 20 + 18) / 90 = 53/90.
    // Breaking the tie at 3 with the anomaly first would give 1/3 * 1 instead: 68/90.
    double ap = AveragePrecision.of(new boolean[] {T, F, T, F, T, F}, new double[] {3, 3, 2, 1, 1, 0});
    assertEquals(53.0 / 90, ap, 1e-15);
  }

  @Test
  void constantScoresGiveTheChanceValue() {
    boolean[] labels = {T, F, F, F, T, F, F, F, F, F};
    assertEquals(0.2, AveragePrecision.chance(labels));
    assertEquals(0.2, AveragePrecision.of(labels, new double[10]), 1e-15);
  }

  @Test
  void noAnomaliesIsNaN() {
    assertTrue(Double.isNaN(AveragePrecision.of(new boolean[] {F, F}, new double[] {1, 2})));
    assertTrue(Double.isNaN(AveragePrecision.chance(new boolean[0])));
  }

  @Test
  void rejectsNonFiniteScores() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AveragePrecision.of(new boolean[] {T, F}, new double[] {Double.NaN, 0}));
    assertTrue(e.getMessage().startsWith("1 of 2 scores"), e.getMessage());
  }

  @Test
  void agreesWithRecountingAtEveryThreshold() {
    for (int seed = 0; seed < 10; seed++) {
      for (int levels : new int[] {0, 2}) {
        Random random = new Random(seed);
        boolean[] labels = Fixtures.labels(random, 300, 0.2);
        double[] scores = Fixtures.scores(random, labels, levels);
        assertEquals(Fixtures.bruteForceAp(labels, scores), AveragePrecision.of(labels, scores),
            1e-12, "seed " + seed + ", levels " + levels);
      }
    }
  }
}

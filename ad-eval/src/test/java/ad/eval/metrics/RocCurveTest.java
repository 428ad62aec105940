package ad.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {
  private static final boolean T = true;
  private static final boolean F = false;
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void pointsOfSklearnExample() {
    // Cut at 0.8: 1 of 2 anomalies, 0 of 2 normal; 0.4 adds a normal; 0.35 an anomaly; 0.1 a normal.
    RocCurve c = RocCurve.of(new boolean[] {F, F, T, T}, new double[] {0.1, 0.4, 0.35, 0.8});
    assertArrayEquals(new double[] {INF, 0.8, 0.4, 0.35, 0.1}, c.thresholds());
    assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, c.fpr());
    assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, c.tpr());
  }

  @Test
  void tiesMoveDiagonally() {
    // anomalies {3, 2, 1}, normal {3, 1, 0}; cumulative (fp, tp) at cuts 3, 2, 1, 0:
    // (1, 1), (1, 2), (2, 3), (3, 3): the tied 3s and the tied 1s are one diagonal step each.
    // Trapezoids: 1/3 * (0 + 1/3) / 2 + 0 + 1/3 * (2/3 + 1) / 2 + 1/3 * (1 + 1) / 2 = 12/18 = 2/3.
    RocCurve c = RocCurve.of(new boolean[] {T, F, T, F, T, F}, new double[] {3, 3, 2, 1, 1, 0});
    double third = 1.0 / 3;
    assertArrayEquals(new double[] {INF, 3, 2, 1, 0}, c.thresholds());
    assertArrayEquals(new double[] {0, third, third, 2 * third, 1}, c.fpr(), 1e-15);
    assertArrayEquals(new double[] {0, third, 2 * third, 1, 1}, c.tpr(), 1e-15);
    assertEquals(2.0 / 3, c.area(), 1e-15);
    assertEquals(5, c.size());
  }

  @Test
  void oneClassGivesNaNRates() {
    RocCurve c = RocCurve.of(new boolean[] {F, F}, new double[] {1, 2});
    assertArrayEquals(new double[] {0, 0.5, 1}, c.fpr());
    assertTrue(Double.isNaN(c.tpr()[2]));
    assertTrue(Double.isNaN(c.area()));
  }

  @Test
  void areaEqualsRocAucOnRandomDataWithTies() {
    for (int seed = 0; seed < 10; seed++) {
      Random random = new Random(seed);
      boolean[] labels = Fixtures.labels(random, 2000, 0.1);
      double[] scores = Fixtures.scores(random, labels, 3);
      RocCurve c = RocCurve.of(labels, scores);
      assertTrue(c.size() < 60, "ties must collapse to one point each, got " + c.size());
      assertEquals(RocAuc.of(labels, scores), c.area(), 1e-12);
      double[] fpr = c.fpr();
      double[] tpr = c.tpr();
      double[] thresholds = c.thresholds();
      assertEquals(0.0, fpr[0]);
      assertEquals(0.0, tpr[0]);
      assertEquals(1.0, fpr[fpr.length - 1]);
      assertEquals(1.0, tpr[tpr.length - 1]);
      for (int i = 1; i < fpr.length; i++) {
        assertTrue(fpr[i] >= fpr[i - 1] && tpr[i] >= tpr[i - 1] && thresholds[i] < thresholds[i - 1]);
      }
    }
  }

  @Test
  void isAValueWithDefensiveCopies() {
    double[] fpr = {0, 1};
    RocCurve c = new RocCurve(fpr, new double[] {0, 1}, new double[] {INF, 0});
    fpr[1] = 0.5;
    c.fpr()[0] = 9;
    assertArrayEquals(new double[] {0, 1}, c.fpr());
    assertEquals(c, RocCurve.of(new boolean[] {T, F}, new double[] {0, 0}));
  }
}

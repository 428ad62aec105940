package ad.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrCurveTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void pointsOfSklearnExample() {
    // Cuts 0.8, 0.4, 0.35, 0.1 flag 1, 2, 3, 4 rows holding 1, 1, 2, 2 of the 2 anomalies.
    PrCurve c = PrCurve.of(new boolean[] {F, F, T, T}, new double[] {0.1, 0.4, 0.35, 0.8});
    assertArrayEquals(new double[] {0.8, 0.4, 0.35, 0.1}, c.thresholds());
    assertArrayEquals(new double[] {1, 0.5, 2.0 / 3, 0.5}, c.precision(), 1e-15);
    assertArrayEquals(new double[] {0.5, 0.5, 1, 1}, c.recall(), 1e-15);
  }

  @Test
  void tiesAreOnePoint() {
    // anomalies {3, 2, 1}, normal {3, 1, 0}; cuts 3, 2, 1, 0 flag 2, 3, 5, 6 rows with 1, 2, 3, 3
    // anomalies.
    PrCurve c = PrCurve.of(new boolean[] {T, F, T, F, T, F}, new double[] {3, 3, 2, 1, 1, 0});
    assertEquals(4, c.size());
    assertArrayEquals(new double[] {0.5, 2.0 / 3, 0.6, 0.5}, c.precision(), 1e-15);
    assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 1, 1}, c.recall(), 1e-15);
  }

  @Test
  void noAnomaliesGivesNaNRecallAndZeroPrecision() {
    PrCurve c = PrCurve.of(new boolean[] {F, F}, new double[] {1, 2});
    assertArrayEquals(new double[] {0, 0}, c.precision());
    assertTrue(Double.isNaN(c.recall()[0]));
  }
}

package ad.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilesTest {
  @Test
  void matchesNumpyLinear() {
    double[] x = {1, 2, 4, 8};
    // numpy.quantile([1, 2, 4, 8], [0, .25, .5, .75, 1]) = [1, 1.75, 3, 5, 8]
    assertEquals(1, Quantiles.linear(x, 0));
    assertEquals(1.75, Quantiles.linear(x, 0.25), 1e-15);
    assertEquals(3, Quantiles.linear(x, 0.5), 1e-15);
    assertEquals(5, Quantiles.linear(x, 0.75), 1e-15);
    assertEquals(8, Quantiles.linear(x, 1));
    assertEquals(7, Quantiles.linear(new double[] {7}, 0.3));
  }

  @Test
  void refusesNoValues() {
    assertThrows(IllegalArgumentException.class, () -> Quantiles.linear(new double[0], 0.5));
  }
}

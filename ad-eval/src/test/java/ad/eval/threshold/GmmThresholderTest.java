package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.UserException;
import ad.core.registry.OptionException;
import org.junit.jupiter.api.Test;

class GmmThresholderTest {

  @Test
  void symmetricClustersMeetHalfWay() {
    // 20 points evenly on [-1, 1] and their mirror images 10 - x on [9, 11]: the mixture is symmetric
    // about 5, equal weights and variances, so the boundary (m1 + m2) / 2 = 5.
    double[] x = new double[40];
    for (int i = 0; i < 20; i++) {
      x[i] = -1 + 2.0 * i / 19;
      x[20 + i] = 10 - x[i];
    }
    assertEquals(5.0, new GmmThresholder(null, null).fit(Refs.of(x)).value(), 1e-9);
  }

  @Test
  void boundaryOfUnequalWeights() {
    // 0.8 N(x; 0, 1) = 0.2 N(x; 4, 1) -> log 4 = (x^2 - (x - 4)^2) / 2 = 4x - 8 -> x = 2 + log(4) / 4.
    var m = new GmmThresholder.Mixture(0.8, 0, 1, 0.2, 4, 1, 0);
    assertEquals(2 + Math.log(4) / 4, m.boundary(), 1e-12);
    // Unequal variances: 0.5 N(x; 0, 1) = 0.5 N(x; 3, 4): the log-ratio is
    // -x^2/2 + (x - 3)^2/8 + log 2 = 0 -> 3x^2 + 6x - 9 - 8 log 2 = 0 -> x = -1 + sqrt(4 + 8 log(2) / 3).
    var u = new GmmThresholder.Mixture(0.5, 0, 1, 0.5, 3, 4, 0);
    assertEquals(-1 + Math.sqrt(4 + 8 * Math.log(2) / 3), u.boundary(), 1e-12);
  }

  @Test
  void degenerateInput() {
    assertEquals(1.5, new GmmThresholder(null, null).fit(Refs.of(new double[] {
        1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5})).value());
    UserException few = assertThrows(UserException.class,
        () -> new GmmThresholder(null, null).fit(Refs.oneTo(9)));
    assertTrue(few.getMessage().contains("at least 10"), few.getMessage());
    // A wide lower component that dominates at both means: no crossing between them.
    assertTrue(Double.isNaN(new GmmThresholder.Mixture(0.999, 0, 100, 0.001, 1, 1, 0).boundary()));
    assertEquals("max_iterations", assertThrows(OptionException.class,
        () -> new GmmThresholder(0, null)).field());
  }
}

package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.UserException;
import ad.core.registry.OptionException;
import org.junit.jupiter.api.Test;

class ContaminationThresholderTest {

  @Test
  void flagsTheTopFraction() {
    // 1..10, quantile 0.9: h = 9 * 0.9 = 8.1 -> x[8] + 0.1 * (x[9] - x[8]) = 9 + 0.1 = 9.1; flags 10.
    assertEquals(9.1, new ContaminationThresholder(0.1).fit(Refs.oneTo(10)).value(), 1e-12);
  }

  @Test
  void isAPercentileOnTheSameScores() {
    double[] x = {0.3, 0.1, 2.5, 0.7, 0.2, 0.9, 0.4, 1.1};
    assertEquals(new PercentileThresholder(80.0).fit(Refs.of(x)).value(),
        new ContaminationThresholder(0.2).fit(Refs.of(x)).value(), 1e-15);
  }

  @Test
  void defaultsAndBadOptions() {
    assertEquals(0.1, new ContaminationThresholder(null).fraction());
    assertEquals("fraction", assertThrows(OptionException.class,
        () -> new ContaminationThresholder(0.0)).field());
    assertEquals("fraction", assertThrows(OptionException.class,
        () -> new ContaminationThresholder(0.6)).field());
  }

  @Test
  void notFiniteScoresAreNamed() {
    UserException e = assertThrows(UserException.class,
        () -> new ContaminationThresholder(0.1).fit(Refs.of(1, Double.NaN, 3)));
    assertTrue(e.getMessage().contains("1 of 3") && e.getMessage().contains("1=NaN"),
        e.getMessage());
  }
}

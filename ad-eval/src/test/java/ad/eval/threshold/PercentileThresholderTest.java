package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.UserException;
import ad.core.registry.OptionException;
import org.junit.jupiter.api.Test;

class PercentileThresholderTest {

  private static double fit(double q, double... values) {
    return new PercentileThresholder(q).fit(new Scores(values)).value();
  }

  @Test
  void defaultIsThe95thPercentile() {
    // [1, 2, 3, 4]: h = 3 * 0.95 = 2.85 -> x[2] + 0.85 * (x[3] - x[2]) = 3.85; numpy prints
    // np.percentile([1, 2, 3, 4], 95) = 3.8499999999999996, and so must we, to the bit.
    Threshold t = new PercentileThresholder(null).fit(new Scores(new double[] {4, 1, 3, 2}));
    assertEquals(3.8499999999999996, t.value(), 0.0);
    assertEquals("percentile 95.0", t.rule());
  }

  @Test
  void matchesNumpyLinear() {
    // sorted [0, 5, 10, 15, 20]: h = 4 * 0.3 = 1.2 -> 5 + 0.2 * 5 = 6.
    assertEquals(6.0, fit(30, 10, 0, 5, 20, 15), 1e-12);
    assertEquals(2.5, fit(50, 1, 2, 3, 4), 0.0); // the median of an even count: the midpoint
    // Values printed by numpy 2.4 for np.percentile([0.3, 0.1, 0.7, 0.2, 0.9, 0.45, 0.05], q).
    double[] x = {0.3, 0.1, 0.7, 0.2, 0.9, 0.45, 0.05};
    assertEquals(0.22199999999999998, fit(37, x), 0.0);
    assertEquals(0.78, fit(90, x), 0.0);
    assertEquals(0.8988000000000002, fit(99.9, x), 0.0);
    assertEquals(0.08750000000000001, fit(12.5, x), 0.0);
    assertEquals(0.44939999999999997, fit(66.6, x), 0.0);
  }

  @Test
  void edgesOfTheRange() {
    assertEquals(9.0, fit(100, 3, 9, 1), 0.0); // the maximum
    assertEquals(7.0, fit(50, 7), 0.0); // one score is its own percentile
    assertEquals(5.0, fit(95, 5, 5, 5), 0.0); // constant scores
  }

  @Test
  void appliesToUnseenScores() {
    Threshold t = new PercentileThresholder(50.0).fit(new Scores(new double[] {1, 2, 3, 4}));
    assertArrayEquals(new boolean[] {false, false, true, true},
        t.apply(new Scores(new double[] {2.4, 2.5, 2.6, 100})));
  }

  @Test
  void emptyOrNonFiniteScoresAreUserMistakes() {
    UserException empty = assertThrows(UserException.class,
        () -> new PercentileThresholder(null).fit(new Scores(new double[0])));
    assertTrue(empty.getMessage().contains("needs at least 1 reference score and got 0"),
        empty.getMessage());
    UserException nan = assertThrows(UserException.class,
        () -> new PercentileThresholder(null).fit(new Scores(new double[] {Double.NaN, 1})));
    assertTrue(nan.getMessage().contains("1 of 2 scores are NaN or infinite"), nan.getMessage());
  }

  @Test
  void qMustBeInZeroExclusiveToHundred() {
    for (double bad : new double[] {0, -5, 100.5, Double.NaN}) {
      OptionException e = assertThrows(OptionException.class, () -> new PercentileThresholder(bad));
      assertEquals("q", e.field());
    }
    assertEquals(100.0, new PercentileThresholder(100.0).q());
  }

  @Test
  void aFactorScalesThePercentileAsSkabDoes() {
    // Percentile 50 of {1, 2, 3, 4} is 2.5; times 4/3 is 10/3.
    Threshold t = new PercentileThresholder(50.0, 4.0 / 3).fit(new Scores(new double[] {1, 2, 3, 4}));
    assertEquals(10.0 / 3, t.value(), 1e-12);
    assertTrue(t.rule().contains(" x "), t.rule());
    assertThrows(OptionException.class, () -> new PercentileThresholder(50.0, 0.0));
  }
}

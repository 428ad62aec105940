package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.UserException;
import ad.core.registry.OptionException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MeanStdThresholderTest {

  private static Scores scores(double... values) {
    return new Scores(values);
  }

  @Test
  void defaultIsThreeStandardDeviations() {
    // [1, 2, 3, 4]: mean 2.5; population variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25;
    // 2.5 + 3 * sqrt(1.25) = 5.854101966249685 (numpy: 2.5 + 3 * np.std([1, 2, 3, 4])).
    Threshold t = new MeanStdThresholder(null).fit(scores(1, 2, 3, 4));
    assertEquals(5.854101966249685, t.value(), 1e-12);
    assertEquals("mean + 3.0 * std", t.rule());
  }

  @Test
  void usesThePopulationNotTheSampleStd() {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, squared deviations sum to 32; 32 / 8 = 4 -> std 2 (the
    // sample std would be sqrt(32 / 7) = 2.138).
    Threshold t = new MeanStdThresholder(1.0).fit(scores(2, 4, 4, 4, 5, 5, 7, 9));
    assertEquals(7.0, t.value(), 1e-12);
    assertEquals(5.0, new MeanStdThresholder(0.0).fit(scores(2, 4, 4, 4, 5, 5, 7, 9)).value(), 1e-12);
  }

  @Test
  void constantScoresGiveTheConstantAndFlagNoneOfThem() {
    double[] constant = new double[10];
    Arrays.fill(constant, 0.1); // 0.1 summed ten times and divided by 10 is not 0.1 in binary
    Threshold t = new MeanStdThresholder(3.0).fit(new Scores(constant));
    assertEquals(0.1, t.value(), 0.0);
    assertArrayEquals(new boolean[] {false, false, true}, t.apply(scores(0.0, 0.1, 0.1000001)));
  }

  @Test
  void appliesToUnseenScores() {
    Threshold t = new MeanStdThresholder(2.0).fit(scores(1, 2, 3, 4)); // 2.5 + 2 * 1.118 = 4.736
    assertArrayEquals(new boolean[] {false, false, true, true}, t.apply(scores(-10, 4.7, 4.8, 100)));
  }

  @Test
  void tooFewScoresIsAUserMistake() {
    UserException none = assertThrows(UserException.class,
        () -> new MeanStdThresholder(null).fit(scores()));
    assertTrue(none.getMessage().contains("needs at least 2 reference scores and got 0"),
        none.getMessage());
    UserException one = assertThrows(UserException.class,
        () -> new MeanStdThresholder(null).fit(scores(1)));
    assertTrue(one.getMessage().contains("got 1"), one.getMessage());
  }

  @Test
  void nonFiniteScoresAreCounted() {
    UserException e = assertThrows(UserException.class,
        () -> new MeanStdThresholder(null).fit(scores(1, Double.NaN, 3, Double.NEGATIVE_INFINITY)));
    assertTrue(e.getMessage().contains("2 of 4 scores are NaN or infinite"), e.getMessage());
    assertTrue(e.getMessage().contains("mean_std"), e.getMessage());
  }

  @Test
  void rejectsNegativeOrNonFiniteK() {
    OptionException negative = assertThrows(OptionException.class, () -> new MeanStdThresholder(-1.0));
    assertEquals("k", negative.field());
    assertEquals("k", assertThrows(OptionException.class,
        () -> new MeanStdThresholder(Double.NaN)).field());
  }
}

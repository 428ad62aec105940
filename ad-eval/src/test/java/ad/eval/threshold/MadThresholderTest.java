package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Threshold;
import ad.core.UserException;
import ad.core.registry.OptionException;
import org.junit.jupiter.api.Test;

class MadThresholderTest {

  @Test
  void medianPlusScaledMad() {
    // {1, 2, 3, 4, 100}: median 3; |x - 3| = {2, 1, 0, 1, 97}, median 1 = MAD;
    // 3 + 3 * 1.482602218505602 * 1 = 7.447806655516806. The 100 barely matters (mean_std would not).
    assertEquals(7.447806655516806, new MadThresholder(null).fit(Refs.of(1, 2, 3, 4, 100)).value(),
        1e-12);
  }

  @Test
  void zeroMadFallsBackToMeanAbsoluteDeviation() {
    // {5, 5, 5, 5, 9}: MAD 0; mean |x - 5| = 4 / 5 = 0.8; spread 1.253314 * 0.8 = 1.0026513;
    // 5 + 3 * 1.0026513 = 8.0079539, so 9 is still flagged and the four 5s are not.
    Threshold t = new MadThresholder(null).fit(Refs.of(5, 5, 5, 5, 9));
    assertEquals(5 + 3 * Math.sqrt(Math.PI / 2) * 0.8, t.value(), 1e-12);
    assertTrue(t.rule().contains("mean absolute deviation"), t.rule());
  }

  @Test
  void degenerateInput() {
    assertEquals(2.5, new MadThresholder(null).fit(Refs.of(2.5, 2.5)).value());
    assertThrows(UserException.class, () -> new MadThresholder(null).fit(Refs.of(1)));
    assertThrows(UserException.class,
        () -> new MadThresholder(null).fit(Refs.of(1, Double.POSITIVE_INFINITY)));
    assertEquals("k", assertThrows(OptionException.class,
        () -> new MadThresholder(Double.NaN)).field());
  }

  @Test
  void modifiedZScore() {
    // Same data: 3 + 3.5 * 1 / 0.6745 = 8.189028910303929.
    assertEquals(3 + 3.5 / 0.6745,
        new ModifiedZScoreThresholder(null).fit(Refs.of(1, 2, 3, 4, 100)).value(), 1e-12);
    // MAD 0: IBM's fallback, M = (x - median) / (1.253314 * meanAD): 5 + 3.5 * 1.253314 * 0.8.
    assertEquals(5 + 3.5 * Math.sqrt(Math.PI / 2) * 0.8,
        new ModifiedZScoreThresholder(null).fit(Refs.of(5, 5, 5, 5, 9)).value(), 1e-12);
    assertEquals(7.0, new ModifiedZScoreThresholder(null).fit(Refs.of(7, 7, 7)).value());
    assertEquals("z", assertThrows(OptionException.class,
        () -> new ModifiedZScoreThresholder(-2.0)).field());
  }
}

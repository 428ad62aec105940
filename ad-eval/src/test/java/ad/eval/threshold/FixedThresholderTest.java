package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.registry.OptionException;
import org.junit.jupiter.api.Test;

class FixedThresholderTest {

  @Test
  void ignoresTheReferenceScores() {
    Threshold t = new FixedThresholder(0.5).fit(new Scores(new double[0]));
    assertEquals(new Threshold(0.5, "fixed 0.5"), t);
    assertEquals(t, new FixedThresholder(0.5).fit(new Scores(new double[] {Double.NaN, 99})));
    assertArrayEquals(new boolean[] {false, false, true},
        t.apply(new Scores(new double[] {0.1, 0.5, 0.51})));
  }

  @Test
  void valueIsRequiredAndFinite() {
    OptionException missing = assertThrows(OptionException.class, () -> new FixedThresholder(null));
    assertEquals("value", missing.field());
    assertEquals("is required", missing.problem());
    assertEquals("value", assertThrows(OptionException.class,
        () -> new FixedThresholder(Double.POSITIVE_INFINITY)).field());
  }
}

package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.UserException;
import ad.core.registry.OptionException;
import org.junit.jupiter.api.Test;

class IqrThresholderTest {

  @Test
  void tukeyFence() {
    // 1..8: Q1 at h = 7 * 0.25 = 1.75 -> 2 + 0.75 = 2.75; Q3 at h = 5.25 -> 6 + 0.25 = 6.25;
    // IQR 3.5; 6.25 + 1.5 * 3.5 = 11.5 (numpy.percentile gives the same quartiles).
    assertEquals(11.5, new IqrThresholder(null).fit(Refs.oneTo(8)).value(), 1e-12);
    assertEquals(6.25 + 3 * 3.5, new IqrThresholder(3.0).fit(Refs.oneTo(8)).value(), 1e-12);
  }

  @Test
  void degenerateInput() {
    assertEquals(4.0, new IqrThresholder(null).fit(Refs.of(4, 4, 4, 4)).value());
    // Quartiles equal (more than half are 2): IQR 0, threshold Q3 = 2, and the rule says IQR 0.
    var t = new IqrThresholder(null).fit(Refs.of(1, 2, 2, 2, 2, 2, 9));
    assertEquals(2.0, t.value());
    assertTrue(t.rule().contains("IQR 0.0"), t.rule());
    UserException e = assertThrows(UserException.class,
        () -> new IqrThresholder(null).fit(Refs.of(1, 2, 3)));
    assertTrue(e.getMessage().contains("at least 4"), e.getMessage());
    assertEquals("k", assertThrows(OptionException.class, () -> new IqrThresholder(-1.0)).field());
  }
}

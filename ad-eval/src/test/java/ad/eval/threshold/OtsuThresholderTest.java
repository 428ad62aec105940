package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ad.core.UserException;
import ad.core.registry.OptionException;
import org.junit.jupiter.api.Test;

class OtsuThresholderTest {

  @Test
  void splitsTwoClusters() {
    // 10 bins of width 1 over [0, 10], bins (k - 1, k] with the first closed: bin 0 = {0, 0, 0, 1, 1}
    // (sum 2), bin 8 = {9, 9}, bin 9 = {10}. Cut after bin 0 (cuts 1..7 are the same split):
    // w0 = 5/8, means 0.4 and 28/3, between = 5/8 * 3/8 * 8.9333^2 = 18.70. Cut after bin 8: w0 = 7/8,
    // means 20/7 and 10, 7/8 * 1/8 * 7.1429^2 = 5.58. Best: the first cut, upper edge of bin 0 = 1.
    double t = new OtsuThresholder(10).fit(Refs.of(0, 0, 0, 1, 1, 9, 9, 10)).value();
    assertEquals(1.0, t);
  }

  @Test
  void degenerateInput() {
    assertEquals(3.0, new OtsuThresholder(null).fit(Refs.of(3, 3, 3)).value());
    assertThrows(UserException.class, () -> new OtsuThresholder(null).fit(Refs.of(3)));
    assertEquals("bins", assertThrows(OptionException.class, () -> new OtsuThresholder(1)).field());
    assertEquals(256, new OtsuThresholder(null).bins());
  }
}

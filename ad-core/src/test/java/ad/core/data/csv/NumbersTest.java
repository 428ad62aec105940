package ad.core.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NumbersTest {
  private static float parse(String s) {
    byte[] b = ("x" + s + "y").getBytes(StandardCharsets.US_ASCII);
    return Numbers.parseFloat(b, 1, b.length - 1);
  }

  @Test
  void parsesTheDecimalFormsOfTheDataFiles() {
    for (String s : new String[] {"0", "-0", "181", "0.00", "1.00", "-2.3025850929940455",
        "10.716107451545243", ".5", "5.", "+3", "1e3", "2.5E-4", "1.7976931348623157e-310",
        "123456789012345678901234567890", "0.000000000000000000000000000123", "3.4e38", "1e-45"}) {
      assertEquals((float) Double.parseDouble(s), parse(s), s);
    }
  }

  @Test
  void rejectsWhatIsNotAPlainDecimal() {
    for (String s : new String[] {"", "-", ".", "abc", "NaN", "Infinity", "-Infinity", "1f", "1d",
        "0x10", "1e", "1e+", "1.2.3", " 1", "1 ", "1,5", "e5"}) {
      assertTrue(Float.isNaN(parse(s)), "'" + s + "' should be rejected");
    }
  }

  @Test
  void overflowsToInfinityForTheCallerToReport() {
    assertTrue(Float.isInfinite(parse("1e39")));
    assertTrue(Float.isInfinite(parse("-1e400")));
  }
}

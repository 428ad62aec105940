package ad.eval.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Function;

/** Number formatting for legends and axis notes: short, locale-independent, never "1.0E-4" noise. */
final class ChartNumbers {

  private ChartNumbers() {}

  /**
   * Four significant digits, trailing zeros dropped: {@code 0.02655}, {@code 12.5}. Below 0.001 and from
   * a million up, compact scientific notation ({@code 5e-6}, {@code 1.5e-4}, {@code 2.4e7}) so labels stay short.
   */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Infinity" : "-Infinity";
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros();
    double abs = Math.abs(rounded.doubleValue());
    if (abs >= 1e-3 && abs < 1e6) {
      return rounded.toPlainString();
    }
    int exponent = rounded.precision() - rounded.scale() - 1;
    return rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
  }

  /** A fraction as a percentage without needless decimals: 0.995 gives "99.5%", 0.99 gives "99%". */
  static String percent(double fraction) {
    return new BigDecimal(fraction * 100).round(new MathContext(6)).stripTrailingZeros().toPlainString() + "%";
  }

  /**
   * Tick labels for an axis spanning {@code min..max}: one notation for the whole axis (plain, or
   * scientific when every value is below 0.001 or the axis reaches a million), float noise of tick
   * arithmetic rounded away ({@code 0.30000000000000004}), and the leading zero that XChart's own
   * patterns drop ({@code .01}) kept.
   */
  static Function<Double, String> tickFormatter(double min, double max) {
    double big = Math.max(Math.abs(min), Math.abs(max));
    boolean scientific = big < 1e-3 || big >= 1e6;
    return v -> {
      if (v == null || !Double.isFinite(v)) {
        return "";
      }
      if (Math.abs(v) <= big * 1e-9) {
        return "0";
      }
      BigDecimal d = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
      if (!scientific) {
        return d.toPlainString();
      }
      int exponent = d.precision() - d.scale() - 1;
      return d.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    };
  }

  /** Whether a positive value is 1, 2 or 5 times a power of ten (up to float noise): the usual labelled log ticks. */
  static boolean isOneTwoFive(double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      return false;
    }
    double mantissa = value / Math.pow(10, Math.floor(Math.log10(value) + 1e-9));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (Math.abs(mantissa - m) < 1e-6 * m) {
        return true;
      }
    }
    return false;
  }
}

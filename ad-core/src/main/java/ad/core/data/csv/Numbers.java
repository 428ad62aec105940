package ad.core.data.csv;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from bytes, without a {@code String} per cell.
 *
 * <p>Accepts {@code [+-]digits[.digits][(e|E)[+-]digits]} (also {@code .5} and {@code 5.}); anything
 * else, including {@code NaN}, {@code Infinity}, hex and Java's {@code 1f}/{@code 1d} suffixes, is
 * rejected so that data errors surface. Up to 18 significant digits are kept in a long and scaled by
 * an exact power of ten (at most two roundings in double), then rounded to float; outside
 * 10^&plusmn;22 it falls back to {@link Double#parseDouble}. The result can differ from
 * {@code (float) Double.parseDouble(s)} only when a value lies within a few double ulps of a float
 * rounding boundary, by one float ulp: on http.csv.gz and kddcup99_10pct.csv.gz no cell differs.
 */
public final class Numbers {
  private static final double[] POW10 = new double[23];
  private static final long KEEP_LIMIT = 100_000_000_000_000_000L;

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private Numbers() {}

  /** The number in {@code b[from, to)}, or NaN when it is not a number in the grammar above. */
  public static float parseFloat(byte[] b, int from, int to) {
    int i = from;
    if (i >= to) {
      return Float.NaN;
    }
    boolean negative = false;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int exponent = 0;
    boolean anyDigit = false;
    while (i < to && isDigit(b[i])) {
      anyDigit = true;
      if (mantissa < KEEP_LIMIT) {
        mantissa = mantissa * 10 + (b[i] - '0');
      } else {
        exponent++;
      }
      i++;
    }
    if (i < to && b[i] == '.') {
      i++;
      while (i < to && isDigit(b[i])) {
        anyDigit = true;
        if (mantissa < KEEP_LIMIT) {
          mantissa = mantissa * 10 + (b[i] - '0');
          exponent--;
        }
        i++;
      }
    }
    if (!anyDigit) {
      return Float.NaN;
    }
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (b[i] == '-' || b[i] == '+')) {
        negativeExponent = b[i] == '-';
        i++;
      }
      if (i >= to || !isDigit(b[i])) {
        return Float.NaN;
      }
      int e = 0;
      while (i < to && isDigit(b[i])) {
        if (e < 100_000) {
          e = e * 10 + (b[i] - '0');
        }
        i++;
      }
      exponent += negativeExponent ? -e : e;
    }
    if (i != to) {
      return Float.NaN;
    }
    double value;
    if (mantissa == 0) {
      value = 0;
    } else if (exponent == 0) {
      value = mantissa;
    } else if (exponent > 0 && exponent < POW10.length) {
      value = mantissa * POW10[exponent];
    } else if (exponent < 0 && -exponent < POW10.length) {
      value = mantissa / POW10[-exponent];
    } else {
      // Rare (very large or small magnitudes): let the JDK round it; the grammar was checked above.
      value = Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
      return (float) value;
    }
    return (float) (negative ? -value : value);
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}

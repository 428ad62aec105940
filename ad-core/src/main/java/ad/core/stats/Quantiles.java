package ad.core.stats;

/**
 * Quantiles of sorted values as NumPy computes them by default ({@code method="linear"}, Hyndman and
 * Fan's type 7, also R's default): with {@code x[0] <= ... <= x[n-1]} and {@code h = (n - 1) p}, the
 * {@code p} quantile is {@code x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])}. The
 * interpolation is evaluated as NumPy's does (from the upper neighbour when the fraction is at least
 * one half), so results match NumPy to the last bit in ordinary cases.
 *
 * <p>Not Smile's {@code MathEx.median}/{@code q1}/{@code q3}: they select one element (the upper one
 * of an even count) and reorder their input.
 */
public final class Quantiles {
  private Quantiles() {}

  /** The {@code p} quantile, {@code p} in [0, 1], of {@code sorted} (ascending, at least one value). */
  public static double linear(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("a quantile of no values");
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double t = h - lo;
    double a = sorted[lo];
    double b = sorted[lo + 1];
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
}

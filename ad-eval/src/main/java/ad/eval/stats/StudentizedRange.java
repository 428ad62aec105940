package ad.eval.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The distribution of the range of k independent standard normal variables (the studentised range
 * with infinite degrees of freedom): {@code P(R <= q) = k * integral phi(z) (Phi(z + q) -
 * Phi(z))^(k-1) dz}, integrated by Simpson's rule and inverted by bisection. Commons Math has no
 * studentised range, and Nemenyi's test needs it beyond the tabulated k.
 *
 * @see "J. W. Tukey, The problem of multiple comparisons, 1953; H. L. Harter, Tables of range and
 *     studentized range, Ann. Math. Stat. 31 (1960) 1122-1147"
 */
final class StudentizedRange {
  private static final NormalDistribution NORMAL = new NormalDistribution();
  private static final int STEPS = 400;
  private static final double LIMIT = 8;

  private StudentizedRange() {}

  /** {@code P(R <= q)}. */
  static double cdf(int k, double q) {
    if (q <= 0) {
      return 0;
    }
    double h = 2 * LIMIT / STEPS;
    double sum = 0;
    for (int i = 0; i <= STEPS; i++) {
      double z = -LIMIT + i * h;
      double inner = NORMAL.cumulativeProbability(z + q) - NORMAL.cumulativeProbability(z);
      double f = NORMAL.density(z) * Math.pow(inner, k - 1);
      sum += f * (i == 0 || i == STEPS ? 1 : i % 2 == 1 ? 4 : 2);
    }
    return Math.min(1, k * sum * h / 3);
  }

  /** The q with {@code P(R <= q) = p}. */
  static double quantile(int k, double p) {
    double lo = 0;
    double hi = 20;
    for (int i = 0; i < 42; i++) { // 20 / 2^42: far below the table's 1e-3
      double mid = (lo + hi) / 2;
      if (cdf(k, mid) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}

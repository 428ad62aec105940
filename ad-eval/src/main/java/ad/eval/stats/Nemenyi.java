package ad.eval.stats;

/**
 * Nemenyi's post-hoc test after Friedman's: two detectors differ significantly when their average
 * ranks differ by at least the critical difference {@code CD = q_alpha * sqrt(k (k + 1) / (6 N))}.
 *
 * <p>{@code q_alpha} is the studentised range statistic for k groups and infinite degrees of freedom,
 * divided by {@code sqrt 2}: Demšar's table 5(a) for alpha 0.05 and 0.10 and {@code k <= 10} (used as
 * printed, so that results match the paper), and computed by {@link StudentizedRange} otherwise.
 *
 * @see "P. B. Nemenyi, Distribution-free multiple comparisons, PhD thesis, Princeton, 1963"
 * @see "J. Demšar, Statistical comparisons of classifiers over multiple data sets, JMLR 7 (2006),
 *     section 3.2.2 and table 5(a)"
 */
public final class Nemenyi {
  /** Demšar's table 5(a), q_0.05 for k = 2..10. */
  private static final double[] Q05 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
  /** Demšar's table 5(a), q_0.10 for k = 2..10. */
  private static final double[] Q10 = {1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920};

  private Nemenyi() {}

  /**
   * {@code q_alpha} for k detectors.
   *
   * @throws IllegalArgumentException unless {@code k >= 2} and {@code 0 < alpha < 1}
   */
  public static double q(int k, double alpha) {
    if (k < 2 || !(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("need k >= 2 and 0 < alpha < 1, got " + k + ", " + alpha);
    }
    if (k <= 10 && alpha == 0.05) {
      return Q05[k - 2];
    }
    if (k <= 10 && alpha == 0.10) {
      return Q10[k - 2];
    }
    return StudentizedRange.quantile(k, 1 - alpha) / Math.sqrt(2);
  }

  /**
   * The critical difference of average ranks for k detectors over n data sets.
   *
   * @throws IllegalArgumentException unless {@code k >= 2}, {@code n >= 1} and {@code 0 < alpha < 1}
   */
  public static double criticalDifference(int k, int n, double alpha) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least 1 data set, got " + n);
    }
    return q(k, alpha) * Math.sqrt(k * (k + 1.0) / (6.0 * n));
  }

  /** The critical difference at alpha 0.05 for the ranks of a {@link FriedmanTest}. */
  public static double criticalDifference(Ranks ranks) {
    return criticalDifference(ranks.detectors(), ranks.datasets(), 0.05);
  }
}

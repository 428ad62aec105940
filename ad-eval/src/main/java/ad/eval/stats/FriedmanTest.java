package ad.eval.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * Friedman's test that k detectors perform alike over N data sets, from their average ranks {@code
 * R_j}: {@code chi2_F = 12 N / (k (k + 1)) * (sum R_j^2 - k (k + 1)^2 / 4)} with k - 1 degrees of
 * freedom, and Iman and Davenport's less conservative {@code F_F = (N - 1) chi2_F / (N (k - 1) -
 * chi2_F)} with {@code (k - 1, (k - 1)(N - 1))} degrees of freedom, which Demšar recommends.
 *
 * <p>As in Demšar, no correction for ties is applied. When the ranks agree perfectly across data sets
 * {@code chi2_F = N (k - 1)}, {@code F_F} is infinite and its p-value 0.
 *
 * @param ranks the ranks it was computed from
 * @param chiSquare Friedman's statistic
 * @param chiSquareP its p-value (chi-square, k - 1 degrees of freedom)
 * @param f Iman and Davenport's statistic
 * @param fP its p-value
 * @see "M. Friedman, A comparison of alternative tests of significance for the problem of m
 *     rankings, Ann. Math. Stat. 11 (1940) 86-92"
 * @see "R. L. Iman and J. M. Davenport, Approximations of the critical region of the Friedman
 *     statistic, Comm. Stat. 9 (1980) 571-595"
 * @see "J. Demšar, Statistical comparisons of classifiers over multiple data sets, JMLR 7 (2006),
 *     section 3.2.2"
 */
public record FriedmanTest(Ranks ranks, double chiSquare, double chiSquareP, double f, double fP) {
  /** The fewest data sets and detectors this module runs the test on (as issue 6 asks). */
  public static final int MINIMUM_DATASETS = 3;
  public static final int MINIMUM_DETECTORS = 2;

  /** True when there are enough data sets and detectors for the test. */
  public static boolean applies(int datasets, int detectors) {
    return datasets >= MINIMUM_DATASETS && detectors >= MINIMUM_DETECTORS;
  }

  /**
   * The test on {@code scores[dataset][detector]}, higher is better.
   *
   * @throws IllegalArgumentException with fewer than 3 data sets or 2 detectors, or cells that are
   *     not finite
   */
  public static FriedmanTest of(double[][] scores) {
    Matrix.check(scores, MINIMUM_DATASETS, MINIMUM_DETECTORS);
    Ranks ranks = Ranks.of(scores);
    int n = ranks.datasets();
    int k = ranks.detectors();
    double sumSquares = 0;
    for (double r : ranks.average()) {
      sumSquares += r * r;
    }
    double chi2 = 12.0 * n / (k * (k + 1.0)) * (sumSquares - k * (k + 1.0) * (k + 1.0) / 4);
    chi2 = Math.max(0, chi2); // rounding can make identical ranks a hair negative
    double chi2P = 1 - new ChiSquaredDistribution(k - 1).cumulativeProbability(chi2);
    double denominator = n * (k - 1.0) - chi2;
    double f;
    double fP;
    if (denominator <= 1e-12 * n * k) {
      f = Double.POSITIVE_INFINITY;
      fP = 0;
    } else {
      f = (n - 1) * chi2 / denominator;
      fP = 1 - new FDistribution(k - 1, (k - 1.0) * (n - 1)).cumulativeProbability(f);
    }
    return new FriedmanTest(ranks, chi2, chi2P, f, fP);
  }
}

package ad.eval.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Wilcoxon's signed-rank test of two detectors over the same data sets, as Demšar describes it: the
 * differences {@code d_i = b_i - a_i} are ranked by absolute value (ties get average ranks), {@code
 * R+} sums the ranks of positive differences (b better) and {@code R-} those of negative ones, and
 * the ranks of zero differences are split evenly between the two sums ("zsplit"). {@code T = min(R+,
 * R-)}; a small T means a consistent difference.
 *
 * <p>The two-sided p-value is {@code P(|R+ - E| >= |r+ - E|)} under the null hypothesis that each
 * non-zero difference is as likely positive as negative, the ranks (and the zero halves) held fixed.
 * It is exact (counted over all 2^m sign patterns by dynamic programming on doubled ranks, so ties are
 * handled exactly) for at most {@value #EXACT_LIMIT} non-zero differences, and the normal
 * approximation with the tie-corrected variance {@code sum r_i^2 / 4} beyond, without continuity
 * correction.
 *
 * @param rPlus sum of ranks where the second detector is better, with half of each zero's rank
 * @param rMinus sum of ranks where the first detector is better, with half of each zero's rank
 * @param n the number of data sets (zeros included, as in Demšar's table)
 * @param pValue two-sided p-value; 1 when every difference is zero
 * @param exact whether the p-value is exact
 * @see "F. Wilcoxon, Individual comparisons by ranking methods, Biometrics Bulletin 1 (1945) 80-83"
 * @see "J. Demšar, Statistical comparisons of classifiers over multiple data sets, JMLR 7 (2006),
 *     section 3.1.3"
 */
public record WilcoxonSignedRank(double rPlus, double rMinus, int n, double pValue, boolean exact) {
  /** Up to this many non-zero differences the p-value is exact. */
  public static final int EXACT_LIMIT = 50;

  /** Demšar's T, {@code min(R+, R-)}. */
  public double t() {
    return Math.min(rPlus, rMinus);
  }

  /**
   * The test of {@code second} against {@code first}, paired by data set; higher is better.
   *
   * @throws IllegalArgumentException if the lengths differ, are 0, or a value is not finite
   */
  public static WilcoxonSignedRank of(double[] first, double[] second) {
    if (first.length != second.length || first.length == 0) {
      throw new IllegalArgumentException("need two non-empty samples of the same length, got "
          + first.length + " and " + second.length);
    }
    int n = first.length;
    double[] d = new double[n];
    double[] abs = new double[n];
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(first[i]) || !Double.isFinite(second[i])) {
        throw new IllegalArgumentException("data set " + i + " has a value that is not finite: "
            + first[i] + ", " + second[i]);
      }
      d[i] = second[i] - first[i];
      abs[i] = Math.abs(d[i]);
    }
    double[] rank = averageRanks(abs);
    double plus = 0;
    double minus = 0;
    int nonZero = 0;
    for (int i = 0; i < n; i++) {
      if (d[i] > 0) {
        plus += rank[i];
      } else if (d[i] < 0) {
        minus += rank[i];
      } else {
        plus += rank[i] / 2;
        minus += rank[i] / 2;
      }
      nonZero += d[i] != 0 ? 1 : 0;
    }
    double[] nonZeroRanks = new double[nonZero];
    double positive = 0;
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (d[i] != 0) {
        nonZeroRanks[m++] = rank[i];
        positive += d[i] > 0 ? rank[i] : 0;
      }
    }
    if (nonZero == 0) {
      return new WilcoxonSignedRank(plus, minus, n, 1.0, true);
    }
    boolean exact = nonZero <= EXACT_LIMIT;
    double p = exact ? exactP(nonZeroRanks, positive) : normalP(nonZeroRanks, positive);
    return new WilcoxonSignedRank(plus, minus, n, p, exact);
  }

  /**
   * {@code P(|S - E| >= |s - E|)} for S the sum of a random subset of {@code ranks}, each rank in it
   * with probability 1/2. Ranks are multiples of 1/2, so twice them are integers to count over.
   */
  static double exactP(double[] ranks, double observed) {
    int total = 0;
    int[] doubled = new int[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      doubled[i] = (int) Math.round(2 * ranks[i]);
      total += doubled[i];
    }
    // ways[s] = number of sign patterns with doubled positive sum s (as doubles: 2^50 is exact).
    double[] ways = new double[total + 1];
    ways[0] = 1;
    int reach = 0;
    for (int r : doubled) {
      for (int s = reach; s >= 0; s--) {
        if (ways[s] != 0) {
          ways[s + r] += ways[s];
        }
      }
      reach += r;
    }
    long obs = Math.round(2 * observed);
    // Doubled distances from the mean total / 2, times 2 again to stay integer.
    long distance = Math.abs(2 * obs - total);
    double extreme = 0;
    for (int s = 0; s <= total; s++) {
      if (Math.abs(2L * s - total) >= distance) {
        extreme += ways[s];
      }
    }
    return Math.min(1, extreme / Math.pow(2, ranks.length));
  }

  /** Two-sided normal approximation, mean {@code sum r / 2}, variance {@code sum r^2 / 4}. */
  static double normalP(double[] ranks, double observed) {
    double mean = 0;
    double variance = 0;
    for (double r : ranks) {
      mean += r / 2;
      variance += r * r / 4;
    }
    double z = Math.abs(observed - mean) / Math.sqrt(variance);
    return Math.min(1, 2 * (1 - new NormalDistribution().cumulativeProbability(z)));
  }

  /** Ranks 1..n from the smallest, ties sharing their average rank. */
  static double[] averageRanks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] rank = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double average = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = average;
      }
      i = j + 1;
    }
    return rank;
  }
}

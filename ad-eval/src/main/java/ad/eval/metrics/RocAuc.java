package ad.eval.metrics;

/**
 * Area under the ROC curve: the probability that a random anomaly scores above a random normal row,
 * a tie counting one half.
 *
 * <p>Computed as the Mann-Whitney U statistic with average ranks for ties, {@code U / (P * N)} where
 * {@code U = (sum of the anomalies' ranks) - P (P + 1) / 2}. Average ranks give a tie half a win, which
 * is exactly the trapezoidal area under the tie-aware {@link RocCurve}. The ranks are half-integers and
 * their sums stay below 2^53 up to about 10^8 rows, so everything before the final division is exact.
 */
public final class RocAuc {
  /** The value of scores that carry no information (random or constant). */
  public static final double CHANCE = 0.5;

  private RocAuc() {}

  /**
   * ROC AUC of {@code scores} (higher = more anomalous) against {@code labels} (true = anomalous).
   *
   * @return a value in [0, 1]; {@link Double#NaN} if the labels are all of one class (or empty), since
   *     no anomaly-normal pair exists to compare
   * @throws IllegalArgumentException if the lengths differ or a score is NaN or infinite
   */
  public static double of(boolean[] labels, double[] scores) {
    Ranking r = Ranking.of(labels, scores);
    long p = r.positives;
    long n = r.negatives;
    if (p == 0 || n == 0) {
      return Double.NaN;
    }
    // Ranking lists groups highest first; rank 1 is the lowest score, so a group's ranks start just
    // above the rows that score lower than it: total - (rows at or above it).
    long total = p + n;
    double positiveRankSum = 0;
    int previousTp = 0;
    int previousFp = 0;
    for (int g = 0; g < r.groups(); g++) {
      int groupTp = r.truePositives[g] - previousTp;
      int groupSize = groupTp + r.falsePositives[g] - previousFp;
      long below = total - r.truePositives[g] - r.falsePositives[g];
      double averageRank = below + (groupSize + 1) / 2.0;
      positiveRankSum += groupTp * averageRank;
      previousTp = r.truePositives[g];
      previousFp = r.falsePositives[g];
    }
    double u = positiveRankSum - p * (p + 1) / 2.0;
    return u / ((double) p * n);
  }
}

package ad.eval.metrics;

/**
 * Precision among the {@code n} highest-scoring rows, {@code n} being the number of anomalies
 * (R-precision): at that cut precision equals recall, so it needs no threshold and no choice of n.
 *
 * <p>Tie-aware: when the n-th place falls inside a group of tied scores, the group contributes the
 * rows it needs at the group's anomaly share, which is the expected precision if the tie were broken
 * at random. So a constant score gives exactly the anomaly rate ({@link #chance}), and the result
 * never depends on row order.
 *
 * @see "G. O. Campos et al., On the evaluation of unsupervised outlier detection: measures, datasets,
 *     and an empirical study, Data Min. Knowl. Disc. 30 (2016) 891-927, where it is P&#64;n"
 */
public final class PrecisionAtN {
  private PrecisionAtN() {}

  /**
   * @return a value in [0, 1]; NaN if there are no anomalies (n = 0)
   * @throws IllegalArgumentException if the lengths differ or a score is NaN or infinite
   */
  public static double of(boolean[] labels, double[] scores) {
    Ranking r = Ranking.of(labels, scores);
    int n = r.positives;
    if (n == 0) {
      return Double.NaN;
    }
    int previousTp = 0;
    int previousFlagged = 0;
    for (int g = 0; g < r.groups(); g++) {
      int tp = r.truePositives[g];
      int flagged = tp + r.falsePositives[g];
      if (flagged >= n) {
        // Take the n - previousFlagged rows still needed from this group at its anomaly share.
        double share = (double) (tp - previousTp) / (flagged - previousFlagged);
        return (previousTp + (n - previousFlagged) * share) / n;
      }
      previousTp = tp;
      previousFlagged = flagged;
    }
    throw new AssertionError("the last group flags every row, and n <= rows");
  }

  /** The precision at n of uninformative scores: the anomaly rate; NaN if the labels are empty. */
  public static double chance(boolean[] labels) {
    return AveragePrecision.chance(labels);
  }
}

package ad.eval.metrics;

/**
 * Average precision: the step-wise area under the {@link PrCurve}, scikit-learn's definition
 * {@code AP = sum_n (R_n - R_(n-1)) * P_n} over the distinct thresholds from the highest down, with
 * {@code R_(-1) = 0}. No interpolation: the trapezoidal rule would reward a linear path between points
 * that no threshold achieves.
 *
 * <p>Tied scores are one threshold, so a tie contributes its recall gain at the precision of the whole
 * tied group. Scores that carry no information give about the anomaly rate ({@link #chance}); a
 * constant score gives it exactly.
 */
public final class AveragePrecision {
  private AveragePrecision() {}

  /**
   * Average precision of {@code scores} (higher = more anomalous) against {@code labels} (true =
   * anomalous).
   *
   * @return a value in (0, 1]; {@link Double#NaN} if there are no anomalies (recall is undefined)
   * @throws IllegalArgumentException if the lengths differ or a score is NaN or infinite
   */
  public static double of(boolean[] labels, double[] scores) {
    Ranking r = Ranking.of(labels, scores);
    if (r.positives == 0) {
      return Double.NaN;
    }
    double sum = 0;
    int previousTp = 0;
    for (int g = 0; g < r.groups(); g++) {
      int tp = r.truePositives[g];
      if (tp != previousTp) {
        double precision = (double) tp / (tp + r.falsePositives[g]);
        sum += (double) (tp - previousTp) * precision;
        previousTp = tp;
      }
    }
    // One division at the end instead of a recall difference per step: fewer rounding errors.
    return sum / r.positives;
  }

  /**
   * The average precision of uninformative scores: the share of anomalies in {@code labels}; NaN if
   * the labels are empty.
   */
  public static double chance(boolean[] labels) {
    return labels.length == 0 ? Double.NaN : (double) Inputs.countTrue(labels) / labels.length;
  }
}

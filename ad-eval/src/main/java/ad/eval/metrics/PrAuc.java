package ad.eval.metrics;

/**
 * The area under the precision-recall curve by the trapezoidal rule, as {@code
 * sklearn.metrics.auc(recall, precision)} on {@code precision_recall_curve}: the {@link PrCurve}
 * points with scikit-learn's {@code (recall 0, precision 1)} anchor in front, joined by straight lines.
 *
 * <p>Reported because many papers do, but {@link AveragePrecision} is the recommended summary: a
 * straight line between two PR points is not achievable by any threshold (precision interpolates
 * non-linearly, Davis and Goadrich 2006), so the trapezoids overestimate the area, most for rankings
 * with few distinct scores, and the anchor at precision 1 credits a precision nothing achieved. The
 * two agree closely on large sets of distinct scores.
 *
 * @see "J. Davis and M. Goadrich, The relationship between precision-recall and ROC curves, ICML 2006"
 */
public final class PrAuc {
  private PrAuc() {}

  /**
   * @return a value in [0, 1]; NaN if there are no anomalies
   * @throws IllegalArgumentException if the lengths differ or a score is NaN or infinite
   */
  public static double of(boolean[] labels, double[] scores) {
    PrCurve curve = PrCurve.of(labels, scores);
    double[] precision = curve.precision();
    double[] recall = curve.recall();
    if (recall.length == 0 || Double.isNaN(recall[0])) {
      return Double.NaN;
    }
    double area = 0;
    double previousRecall = 0;
    double previousPrecision = 1;
    for (int i = 0; i < recall.length; i++) {
      area += (recall[i] - previousRecall) * (precision[i] + previousPrecision) / 2;
      previousRecall = recall[i];
      previousPrecision = precision[i];
    }
    return area;
  }

  /**
   * The PR AUC of a constant score: one point (recall 1, precision r) joined to the anchor (0, 1), so
   * {@code (1 + r) / 2} with {@code r} the anomaly rate, well above the r that {@link
   * AveragePrecision} gives: one more reason to prefer AP. NaN if there are no anomalies.
   */
  public static double chance(boolean[] labels) {
    double rate = AveragePrecision.chance(labels);
    return rate > 0 ? (1 + rate) / 2 : Double.NaN;
  }
}

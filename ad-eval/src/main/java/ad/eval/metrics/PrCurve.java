package ad.eval.metrics;

import java.util.Arrays;

/**
 * The precision-recall curve: precision against recall as the cut moves down the scores.
 *
 * <p>Point {@code i} is what flagging every row with {@code score >= thresholds[i]} gives; there is one
 * point per distinct score, highest first, so recall is non-decreasing and the last point flags every
 * row (recall 1, precision = the anomaly rate). Tied scores are one point. Unlike scikit-learn, no
 * {@code (recall 0, precision 1)} point is appended: precision with nothing flagged is 0/0, and a
 * plot that wants the anchor can add it. Precision is always defined here (each point flags at least
 * one row); with no anomalies in the labels every {@code recall} is NaN.
 *
 * <p>The accessors return copies, as {@link ad.core.Scores} does; read an array once, not per point.
 *
 * @param precision {@code tp / (tp + fp)} at each cut
 * @param recall {@code tp / anomalies} at each cut, non-decreasing
 * @param thresholds the cut of each point, decreasing
 */
public record PrCurve(double[] precision, double[] recall, double[] thresholds) {

  public PrCurve {
    if (precision.length != recall.length || precision.length != thresholds.length) {
      throw new IllegalArgumentException("precision, recall and thresholds differ in length: "
          + precision.length + ", " + recall.length + ", " + thresholds.length);
    }
    precision = precision.clone();
    recall = recall.clone();
    thresholds = thresholds.clone();
  }

  /**
   * The curve of {@code scores} (higher = more anomalous) against {@code labels} (true = anomalous).
   *
   * @throws IllegalArgumentException if the lengths differ or a score is NaN or infinite
   */
  public static PrCurve of(boolean[] labels, double[] scores) {
    Ranking r = Ranking.of(labels, scores);
    int n = r.groups();
    double[] precision = new double[n];
    double[] recall = new double[n];
    double[] thresholds = new double[n];
    for (int g = 0; g < n; g++) {
      int tp = r.truePositives[g];
      precision[g] = (double) tp / (tp + r.falsePositives[g]);
      recall[g] = (double) tp / r.positives;
      thresholds[g] = r.thresholds[g];
    }
    return new PrCurve(precision, recall, thresholds);
  }

  /** The number of points. */
  public int size() {
    return precision.length;
  }

  @Override
  public double[] precision() {
    return precision.clone();
  }

  @Override
  public double[] recall() {
    return recall.clone();
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrCurve c && Arrays.equals(precision, c.precision)
        && Arrays.equals(recall, c.recall) && Arrays.equals(thresholds, c.thresholds);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(precision) + Arrays.hashCode(recall))
        + Arrays.hashCode(thresholds);
  }

  @Override
  public String toString() {
    return "PrCurve[" + precision.length + " points]";
  }
}

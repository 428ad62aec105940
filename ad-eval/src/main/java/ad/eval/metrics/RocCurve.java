package ad.eval.metrics;

import java.util.Arrays;

/**
 * The receiver operating characteristic: false-positive rate against true-positive rate as the cut
 * moves down the scores.
 *
 * <p>Point {@code i} is what flagging every row with {@code score >= thresholds[i]} gives. Point 0 is
 * {@code (0, 0)} with threshold {@code +Infinity} (nothing flagged); then there is one point per
 * distinct score, highest first, so the last point flags every row and is {@code (1, 1)}. Tied scores
 * are one point, so a tie between normal and anomalous rows is a diagonal segment, not a staircase
 * whose shape would depend on row order; that is what makes {@link #area()} equal {@link RocAuc}.
 * Every point is kept (no collinear points are dropped), so a plot of a large test set may want to
 * thin them.
 *
 * <p>If the labels have no normal rows every {@code fpr} is NaN; with no anomalies every {@code tpr}
 * is NaN (0/0, see the package conventions).
 *
 * <p>The accessors return copies, as {@link ad.core.Scores} does; read an array once, not per point.
 *
 * @param fpr false-positive rates, non-decreasing
 * @param tpr true-positive rates, non-decreasing
 * @param thresholds the cut of each point, decreasing, starting at {@code +Infinity}
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {

  public RocCurve {
    if (fpr.length != tpr.length || fpr.length != thresholds.length) {
      throw new IllegalArgumentException("fpr, tpr and thresholds differ in length: " + fpr.length
          + ", " + tpr.length + ", " + thresholds.length);
    }
    fpr = fpr.clone();
    tpr = tpr.clone();
    thresholds = thresholds.clone();
  }

  /**
   * The curve of {@code scores} (higher = more anomalous) against {@code labels} (true = anomalous).
   *
   * @throws IllegalArgumentException if the lengths differ or a score is NaN or infinite
   */
  public static RocCurve of(boolean[] labels, double[] scores) {
    Ranking r = Ranking.of(labels, scores);
    int n = r.groups() + 1;
    double[] fpr = new double[n];
    double[] tpr = new double[n];
    double[] thresholds = new double[n];
    // Division rather than a special case: 0.0 / 0 is NaN, which is the documented undefined value.
    fpr[0] = 0.0 / r.negatives;
    tpr[0] = 0.0 / r.positives;
    thresholds[0] = Double.POSITIVE_INFINITY;
    for (int g = 0; g < r.groups(); g++) {
      fpr[g + 1] = (double) r.falsePositives[g] / r.negatives;
      tpr[g + 1] = (double) r.truePositives[g] / r.positives;
      thresholds[g + 1] = r.thresholds[g];
    }
    return new RocCurve(fpr, tpr, thresholds);
  }

  /** The number of points. */
  public int size() {
    return fpr.length;
  }

  /** The area under the curve by the trapezoidal rule; NaN if the curve is undefined. */
  public double area() {
    double area = 0;
    for (int i = 1; i < fpr.length; i++) {
      area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
    }
    return fpr.length < 2 ? Double.NaN : area;
  }

  @Override
  public double[] fpr() {
    return fpr.clone();
  }

  @Override
  public double[] tpr() {
    return tpr.clone();
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RocCurve c && Arrays.equals(fpr, c.fpr) && Arrays.equals(tpr, c.tpr)
        && Arrays.equals(thresholds, c.thresholds);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(fpr) + Arrays.hashCode(tpr)) + Arrays.hashCode(thresholds);
  }

  @Override
  public String toString() {
    return "RocCurve[" + fpr.length + " points]";
  }
}

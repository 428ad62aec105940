package ad.eval.metrics.series;

import ad.eval.metrics.ConfusionMatrix;

/**
 * Point counts of flagged against labelled points, anomalies being the positive class.
 *
 * @param tp anomalous points flagged
 * @param fp normal points flagged (false alarms)
 * @param tn normal points not flagged
 * @param fn anomalous points not flagged (missed alarms)
 */
public record PointCounts(long tp, long fp, long tn, long fn) {
  public static final PointCounts ZERO = new PointCounts(0, 0, 0, 0);

  public PointCounts {
    if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  /**
   * Counts {@code predictions} against {@code labels} point by point: one file's confusion matrix,
   * kept in longs so that files can be pooled without overflow.
   */
  public static PointCounts of(boolean[] labels, boolean[] predictions) {
    SeriesMetrics.sameLength(labels, predictions);
    ConfusionMatrix cm = ConfusionMatrix.of(labels, predictions);
    return new PointCounts(cm.tp(), cm.fp(), cm.tn(), cm.fn());
  }

  /** The sum of both counts, to pool files. */
  public PointCounts plus(PointCounts other) {
    return new PointCounts(tp + other.tp, fp + other.fp, tn + other.tn, fn + other.fn);
  }

  /** {@code tp / (tp + fp)}; NaN when nothing is flagged. */
  public double precision() {
    return ratio(tp, tp + fp);
  }

  /** {@code tp / (tp + fn)}; NaN without anomalous points. */
  public double recall() {
    return ratio(tp, tp + fn);
  }

  /** {@code 2tp / (2tp + fp + fn)}; NaN only without anomalous and flagged points. */
  public double f1() {
    return ratio(2 * tp, 2 * tp + fp + fn);
  }

  /** SKAB's false alarm rate {@code fp / (fp + tn)} (SKAB prints it x 100); NaN without normal points. */
  public double falseAlarmRate() {
    return ratio(fp, fp + tn);
  }

  /** SKAB's missed alarm rate {@code fn / (fn + tp)} (SKAB prints it x 100); NaN without anomalies. */
  public double missedAlarmRate() {
    return ratio(fn, fn + tp);
  }

  static double ratio(long numerator, long denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}

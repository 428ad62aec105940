package ad.eval.metrics;

/**
 * Counts of a binary decision against the truth, anomalies being the positive class.
 *
 * <p>Every derived rate is a ratio of counts and is {@link Double#NaN} exactly when its denominator is
 * zero; it is never replaced by 0 or 1 (unlike scikit-learn's {@code zero_division} default), so an
 * unmeasurable value cannot pass for a bad or a perfect one. {@link #f1()} is computed from counts,
 * {@code 2tp / (2tp + fp + fn)}, so it is defined (and 0) when there are anomalies but nothing is
 * flagged, even though {@link #precision()} is then NaN.
 *
 * @param tp anomalies flagged
 * @param fp normal rows flagged
 * @param tn normal rows not flagged
 * @param fn anomalies not flagged
 */
public record ConfusionMatrix(int tp, int fp, int tn, int fn) {

  public ConfusionMatrix {
    if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
      throw new IllegalArgumentException("negative count: tp=" + tp + " fp=" + fp + " tn=" + tn
          + " fn=" + fn);
    }
  }

  /**
   * Counts {@code predictions} (true = flagged) against {@code labels} (true = anomalous).
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static ConfusionMatrix of(boolean[] labels, boolean[] predictions) {
    Inputs.sameLength("labels", labels.length, "predictions", predictions.length);
    int tp = 0;
    int fp = 0;
    int tn = 0;
    int fn = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predictions[i]) {
        if (labels[i]) {
          tp++;
        } else {
          fp++;
        }
      } else if (labels[i]) {
        fn++;
      } else {
        tn++;
      }
    }
    return new ConfusionMatrix(tp, fp, tn, fn);
  }

  /** All rows; a long because the four counts may add up past {@code Integer.MAX_VALUE}. */
  public long total() {
    return (long) tp + fp + tn + fn;
  }

  /** {@code tp / (tp + fp)}; NaN when nothing is flagged. */
  public double precision() {
    return ratio(tp, (double) tp + fp);
  }

  /** {@code tp / (tp + fn)}, the detection rate; NaN when there are no anomalies. */
  public double recall() {
    return ratio(tp, (double) tp + fn);
  }

  /**
   * {@code 2tp / (2tp + fp + fn)}, the harmonic mean of precision and recall where both are defined;
   * NaN only when there are no anomalies and nothing is flagged. 0 when {@code tp == 0} otherwise.
   */
  public double f1() {
    return ratio(2.0 * tp, 2.0 * tp + fp + fn);
  }

  /** {@code fp / (fp + tn)}, the share of normal rows flagged; NaN when there are no normal rows. */
  public double falsePositiveRate() {
    return ratio(fp, (double) fp + tn);
  }

  /** {@code (tp + tn) / total}; NaN when there are no rows. */
  public double accuracy() {
    return ratio((double) tp + tn, total());
  }

  private static double ratio(double numerator, double denominator) {
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }
}

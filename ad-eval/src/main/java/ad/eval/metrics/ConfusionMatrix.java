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
public record ConfusionMatrix(int tp, int fp, int tn, int fn) implements java.io.Serializable {

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

  /**
   * {@code (1 + b^2) tp / ((1 + b^2) tp + b^2 fn + fp)}, van Rijsbergen's F-measure with recall
   * weighted {@code beta} times as much as precision; from counts, like {@link #f1()}, so NaN only when
   * there are no anomalies and nothing is flagged.
   *
   * @param beta finite and {@code > 0}; 1 gives {@link #f1()}, 2 favours recall, 0.5 precision
   * @see "C. J. van Rijsbergen, Information Retrieval, 2nd ed., 1979, ch. 7"
   */
  public double fBeta(double beta) {
    if (!(beta > 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("beta must be a finite number > 0, got " + beta);
    }
    double b2 = beta * beta;
    return ratio((1 + b2) * tp, (1 + b2) * tp + b2 * fn + fp);
  }

  /**
   * Matthews correlation coefficient, {@code (tp tn - fp fn) / sqrt((tp + fp)(tp + fn)(tn + fp)(tn +
   * fn))}: the correlation between truth and decision, in [-1, 1], 0 for a decision independent of
   * the truth. NaN when any of the four margins is zero (a constant decision or a single class), where
   * scikit-learn returns 0: the correlation with a constant is undefined, not zero.
   *
   * @see "B. W. Matthews, Comparison of the predicted and observed secondary structure of T4 phage
   *     lysozyme, Biochim. Biophys. Acta 405 (1975) 442-451"
   */
  public double mcc() {
    double product = ((double) tp + fp) * ((double) tp + fn) * ((double) tn + fp) * ((double) tn + fn);
    // Two square roots rather than one of the product: the product of four counts overflows 2^53.
    double denominator = Math.sqrt(((double) tp + fp) * ((double) tp + fn))
        * Math.sqrt(((double) tn + fp) * ((double) tn + fn));
    return product == 0 ? Double.NaN : ((double) tp * tn - (double) fp * fn) / denominator;
  }

  /** {@code tn / (tn + fp)}, the share of normal rows left alone; NaN when there are no normal rows. */
  public double specificity() {
    return ratio(tn, (double) tn + fp);
  }

  /**
   * {@code (recall + specificity) / 2}: accuracy with both classes weighted equally, so 0.5 for any
   * decision independent of the truth whatever the anomaly rate; NaN unless both classes are present.
   *
   * @see "K. H. Brodersen et al., The balanced accuracy and its posterior distribution, ICPR 2010"
   */
  public double balancedAccuracy() {
    return (recall() + specificity()) / 2;
  }

  /** {@code fp / (fp + tn)}: the false-alarm rate, same as {@link #falsePositiveRate()}. */
  public double falseAlarmRate() {
    return falsePositiveRate();
  }

  /** {@code fn / (tp + fn)}: the share of anomalies missed, {@code 1 - recall}; NaN with no anomalies. */
  public double missedAlarmRate() {
    return ratio(fn, (double) tp + fn);
  }

  /** {@code (tp + tn) / total}; NaN when there are no rows. */
  public double accuracy() {
    return ratio((double) tp + tn, total());
  }

  private static double ratio(double numerator, double denominator) {
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }
}

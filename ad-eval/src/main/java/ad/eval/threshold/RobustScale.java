package ad.eval.threshold;

import ad.core.stats.Quantiles;

/**
 * Median and median absolute deviation of sorted scores, with the published fallback for a zero MAD.
 *
 * <p>When more than half of the scores equal the median, the MAD is 0 and a rule {@code median + k *
 * MAD} would flag every score above the median. Following Iglewicz and Hoaglin (as implemented by IBM
 * SPSS), the MAD is then replaced by the mean absolute deviation around the median times {@code
 * 1.253314 / 1.4826} (so that the scaled spread is again consistent with the standard deviation of a
 * normal distribution: {@code 1.253314 = sqrt(pi / 2)}). {@link #usedMeanDeviation} says when.
 *
 * @param median the median (numpy linear)
 * @param mad the raw MAD, {@code median |x - median|}, or its replacement as above
 * @param usedMeanDeviation true when the MAD was 0 and the mean absolute deviation replaced it
 * @see "B. Iglewicz and D. C. Hoaglin, How to Detect and Handle Outliers, ASQC, 1993"
 */
record RobustScale(double median, double mad, boolean usedMeanDeviation) {
  /** {@code 1 / Phi^-1(0.75)}: MAD times this estimates the standard deviation of normal data. */
  static final double CONSISTENCY = 1.482602218505602;

  /** Of sorted, non-constant {@code x}. */
  static RobustScale of(double[] x) {
    double median = Quantiles.linear(x, 0.5);
    double[] deviations = new double[x.length];
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      deviations[i] = Math.abs(x[i] - median);
      sum += deviations[i];
    }
    java.util.Arrays.sort(deviations);
    double mad = Quantiles.linear(deviations, 0.5);
    if (mad > 0) {
      return new RobustScale(median, mad, false);
    }
    double meanDeviation = sum / x.length;
    return new RobustScale(median, meanDeviation * Math.sqrt(Math.PI / 2) / CONSISTENCY, true);
  }

  /** How the spread was obtained, for a rule string. */
  String describe() {
    return usedMeanDeviation ? "MAD 0, mean absolute deviation used" : "MAD " + mad;
  }
}

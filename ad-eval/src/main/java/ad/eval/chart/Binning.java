package ad.eval.chart;

import ad.eval.chart.ScoreHistogramChart.XRange;

/**
 * Where a score histogram's bins lie and what the x axis spans. Decided once from all scores so the
 * normal and anomalous series share bin edges and can be compared bar by bar.
 *
 * @param edges ascending bin edges, at least two
 * @param axisMin left end of the x axis (the bins plus the threshold, padded)
 * @param axisMax right end of the x axis
 * @param logarithmic whether the x axis is logarithmic
 * @param hidden what lies outside the bins, for the axis note, e.g. {@code above 0.132 (the 99.5% quantile)};
 *     empty when the bins cover every finite score
 */
record Binning(double[] edges, double axisMin, double axisMax, boolean logarithmic, String hidden) {

  /** Padding either side of the data, as a fraction of the span, so edge bars and a threshold at an end stay visible. */
  private static final double PAD = 0.03;
  /** {@link XRange#AUTO} goes logarithmic when linear bins put more than this share of the scores in one bar... */
  static final double AUTO_CROWDED_BIN = 0.4;
  /** ...log bins shrink that bar by at least a quarter... */
  static final double AUTO_SPREAD = 0.75;
  /** ...and at most this share of the scores is {@code <= 0} (a log axis cannot place them). */
  static final double AUTO_NON_POSITIVE = 0.01;

  /**
   * @param sorted the finite scores, ascending
   * @param threshold the decision threshold; kept on the axis when finite (and, on a log axis, positive)
   */
  static Binning of(double[] sorted, double threshold, int bins, XRange range, double clipQuantile) {
    if (range == XRange.LOG && sorted.length > 0 && sorted[sorted.length - 1] > 0) {
      return logarithmic(sorted, threshold, bins);
    }
    Binning linear = linear(sorted, threshold, bins, range != XRange.FULL, clipQuantile);
    if (range == XRange.AUTO && crowdedOnLinearBins(sorted, linear)) {
      Binning log = logarithmic(sorted, threshold, bins);
      if (fullest(sorted, log) < AUTO_SPREAD * fullest(sorted, linear)) {
        return log;
      }
    }
    return linear;
  }

  /**
   * Whether linear bins crowd the scores into one bar ({@link #AUTO_CROWDED_BIN}) while hardly any
   * score is {@code <= 0}: the heavy right tail of reconstruction errors (cardio: nearly every row in
   * the first bar) or of a VAE's negative log-likelihood. Scores in a band (Isolation Forest's 0.35
   * to 0.7) are spread over many bars already and stay linear.
   */
  static boolean crowdedOnLinearBins(double[] sorted, Binning linear) {
    if (sorted.length < 2 || linear.logarithmic()) {
      return false;
    }
    int nonPositive = 0;
    while (nonPositive < sorted.length && sorted[nonPositive] <= 0) {
      nonPositive++;
    }
    return nonPositive <= AUTO_NON_POSITIVE * sorted.length
        && fullest(sorted, linear) > AUTO_CROWDED_BIN * sorted.length;
  }

  /** The count of the fullest bin. */
  private static long fullest(double[] sorted, Binning binning) {
    long most = 0;
    for (long count : Histogram.count(sorted, binning.edges())) {
      most = Math.max(most, count);
    }
    return most;
  }

  private static Binning linear(double[] sorted, double threshold, int bins, boolean clip, double q) {
    boolean showThreshold = Double.isFinite(threshold);
    if (sorted.length == 0) {
      double centre = showThreshold ? threshold : 0;
      return withAxis(singleBin(centre, Double.NaN), threshold, false, "");
    }
    double lo = sorted[0];
    double max = sorted[sorted.length - 1];
    if (lo == max) {
      // All scores equal: one bar, narrow enough that a threshold beside it does not sit on top of it.
      return withAxis(singleBin(lo, threshold), threshold, false, "");
    }
    double hi = max;
    String hidden = "";
    if (clip) {
      double quantile = Histogram.quantile(sorted, q);
      // Never clip left of the threshold: the scores between the bulk and the boundary are the point.
      double cut = showThreshold ? Math.max(quantile, threshold) : quantile;
      if (cut > lo && cut < max) {
        hi = cut;
        String why = showThreshold && threshold >= quantile ? "the threshold" : "the " + ChartNumbers.percent(q) + " quantile";
        hidden = "above " + ChartNumbers.format(cut) + " (" + why + ")";
      }
    }
    return withAxis(Histogram.linearEdges(lo, hi, bins), threshold, false, hidden);
  }

  private static Binning logarithmic(double[] sorted, double threshold, int bins) {
    int firstPositive = 0;
    while (sorted[firstPositive] <= 0) {
      firstPositive++;
    }
    double lo = sorted[firstPositive];
    double hi = sorted[sorted.length - 1];
    double[] edges = lo == hi ? new double[] {lo / 1.25, hi * 1.25} : Histogram.logEdges(lo, hi, bins);
    String hidden = firstPositive > 0 ? "\u2264 0" : "";
    return withAxis(edges, threshold, true, hidden);
  }

  /** One bin centred on {@code value}; narrower than the gap to {@code neighbour} when that is finite. */
  private static double[] singleBin(double value, double neighbour) {
    double width = value == 0 ? 1 : Math.abs(value) * 0.1;
    if (Double.isFinite(neighbour) && neighbour != value) {
      width = Math.min(width, Math.abs(neighbour - value));
    }
    return new double[] {value - width / 2, value + width / 2};
  }

  private static Binning withAxis(double[] edges, double threshold, boolean log, String hidden) {
    double lo = edges[0];
    double hi = edges[edges.length - 1];
    if (Double.isFinite(threshold) && (!log || threshold > 0)) {
      lo = Math.min(lo, threshold);
      hi = Math.max(hi, threshold);
    }
    if (log) {
      double pad = Math.pow(hi / lo, PAD);
      return new Binning(edges, lo / pad, hi * pad, true, hidden);
    }
    double pad = (hi - lo) * PAD;
    return new Binning(edges, lo - pad, hi + pad, false, hidden);
  }
}

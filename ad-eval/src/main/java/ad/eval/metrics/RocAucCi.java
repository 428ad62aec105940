package ad.eval.metrics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * ROC AUC with DeLong's confidence interval: {@code AUC +- z * se}, the standard error from the
 * structural components of the Mann-Whitney statistic, clipped to [0, 1].
 *
 * <p>Each anomaly {@code i} gets {@code V10_i}, the share of normal rows it beats (ties one half), and
 * each normal row {@code j} gets {@code V01_j}, the share of anomalies that beat it; AUC is the mean of
 * either, and {@code se^2 = S10 / P + S01 / N} with {@code S10}, {@code S01} their sample variances
 * (divisor P - 1, N - 1). The components come from mid-ranks (Sun and Xu 2014), so this costs a sort,
 * not the P * N pairs of the definition.
 *
 * <p>Degenerate cases: with fewer than 2 anomalies or 2 normal rows a variance is undefined and the
 * bounds are NaN (the AUC itself is still given when both classes are present). A perfect or perfectly
 * reversed ranking has {@code se = 0}, so the interval collapses onto the AUC: the normal
 * approximation has nothing to say at the boundary, which is a known weakness of DeLong's interval.
 *
 * @param auc the tie-aware ROC AUC, as {@link RocAuc}
 * @param standardError DeLong's standard error; NaN where undefined
 * @param lower lower bound, NaN where undefined
 * @param upper upper bound, NaN where undefined
 * @param level the coverage, e.g. 0.95
 * @see "E. R. DeLong, D. M. DeLong and D. L. Clarke-Pearson, Comparing the areas under two or more
 *     correlated receiver operating characteristic curves: a nonparametric approach, Biometrics 44
 *     (1988) 837-845"
 * @see "X. Sun and W. Xu, Fast implementation of DeLong's algorithm for comparing the areas under
 *     correlated receiver operating characteristic curves, IEEE Signal Proc. Letters 21 (2014)"
 */
public record RocAucCi(double auc, double standardError, double lower, double upper, double level) {

  /** The 95% interval. */
  public static RocAucCi of(boolean[] labels, double[] scores) {
    return of(labels, scores, 0.95);
  }

  /**
   * @param level the coverage, in (0, 1)
   * @throws IllegalArgumentException if the lengths differ, a score is not finite or the level is
   *     outside (0, 1)
   */
  public static RocAucCi of(boolean[] labels, double[] scores, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    Inputs.labelsAndScores(labels, scores);
    int p = Inputs.countTrue(labels);
    int n = labels.length - p;
    if (p == 0 || n == 0) {
      return new RocAucCi(Double.NaN, Double.NaN, Double.NaN, Double.NaN, level);
    }
    double[] positives = new double[p];
    double[] negatives = new double[n];
    int a = 0;
    int b = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i]) {
        positives[a++] = scores[i];
      } else {
        negatives[b++] = scores[i];
      }
    }
    double[] all = new double[p + n];
    System.arraycopy(positives, 0, all, 0, p);
    System.arraycopy(negatives, 0, all, p, n);
    double[] rankAll = MidRanks.of(all);
    double[] rankPositive = MidRanks.of(positives);
    double[] rankNegative = MidRanks.of(negatives);
    double[] v10 = new double[p];
    double[] v01 = new double[n];
    for (int i = 0; i < p; i++) {
      v10[i] = (rankAll[i] - rankPositive[i]) / n;
    }
    for (int j = 0; j < n; j++) {
      v01[j] = 1 - (rankAll[p + j] - rankNegative[j]) / p;
    }
    double auc = mean(v10);
    if (p < 2 || n < 2) {
      return new RocAucCi(auc, Double.NaN, Double.NaN, Double.NaN, level);
    }
    double se = Math.sqrt(variance(v10, auc) / p + variance(v01, mean(v01)) / n);
    double z = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
    return new RocAucCi(auc, se, Math.max(0, auc - z * se), Math.min(1, auc + z * se), level);
  }

  private static double mean(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return sum / v.length;
  }

  /** Sample variance (divisor length - 1) around {@code mean}. */
  private static double variance(double[] v, double mean) {
    double sum = 0;
    for (double x : v) {
      sum += (x - mean) * (x - mean);
    }
    return sum / (v.length - 1);
  }
}

package ad.eval.metrics;

/**
 * Ranking measures rescaled so that uninformative scores give 0 and a perfect ranking 1, which makes
 * values comparable across data sets with different anomaly rates.
 *
 * @see "G. O. Campos et al., On the evaluation of unsupervised outlier detection, Data Min. Knowl.
 *     Disc. 30 (2016), section 3.2 (adjustment for chance)"
 */
public final class ChanceAdjusted {
  private ChanceAdjusted() {}

  /** {@code 2 * AUC - 1} (Gini coefficient): 0 for chance, 1 perfect, -1 perfectly reversed. */
  public static double rocAuc(boolean[] labels, double[] scores) {
    return 2 * RocAuc.of(labels, scores) - 1;
  }

  /**
   * {@code (AP - r) / (1 - r)} with {@code r} the anomaly rate: 0 for a constant score, 1 perfect,
   * negative when worse than chance. NaN with no anomalies or with no normal rows (r = 1, where every
   * ranking is perfect).
   */
  public static double averagePrecision(boolean[] labels, double[] scores) {
    double rate = AveragePrecision.chance(labels);
    return rate >= 1 ? Double.NaN : (AveragePrecision.of(labels, scores) - rate) / (1 - rate);
  }
}

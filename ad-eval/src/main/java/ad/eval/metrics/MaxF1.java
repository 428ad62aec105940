package ad.eval.metrics;

/**
 * The best F1 over every cut of the scores, and the cut that gives it: what a detector could reach
 * with a threshold chosen by looking at the labels. It is an upper bound, not a result a label-free
 * threshold would get; a report that uses it must say so (see
 * {@link ad.eval.threshold.BestF1Thresholder}, which is marked as an oracle).
 *
 * <p>The candidates are the cuts of the {@link PrCurve}: flag every row scoring at or above a distinct
 * score, so tied rows are flagged together. F1 is {@code 2tp / (2tp + fp + fn)} as in
 * {@link ConfusionMatrix#f1()}. Of equally good cuts the highest (fewest rows flagged) wins.
 *
 * @param f1 the best F1, in [0, 1]; NaN if there are no anomalies (F1 is then 0 at every cut, which
 *     measures nothing)
 * @param threshold the cut as a {@link ad.core.Threshold} value: flagging {@code score > threshold}
 *     reproduces it exactly. It is the next lower distinct score (so nothing between two scores is
 *     guessed), or {@code Math.nextDown} of the lowest score when every row is flagged; NaN with f1
 * @param flagged how many rows the best cut flags; 0 with f1 NaN
 */
public record MaxF1(double f1, double threshold, int flagged) {

  /**
   * The best cut of {@code scores} (higher = more anomalous) against {@code labels} (true = anomalous).
   *
   * @throws IllegalArgumentException if the lengths differ or a score is NaN or infinite
   */
  public static MaxF1 of(boolean[] labels, double[] scores) {
    Ranking r = Ranking.of(labels, scores);
    if (r.positives == 0) {
      return new MaxF1(Double.NaN, Double.NaN, 0);
    }
    int best = -1;
    double bestF1 = -1;
    for (int g = 0; g < r.groups(); g++) {
      int tp = r.truePositives[g];
      // fn = positives - tp, so 2tp + fp + fn = tp + fp + positives.
      double f1 = 2.0 * tp / ((double) tp + r.falsePositives[g] + r.positives);
      if (f1 > bestF1) {
        bestF1 = f1;
        best = g;
      }
    }
    double threshold = best + 1 < r.groups() ? r.thresholds[best + 1]
        : Math.nextDown(r.thresholds[best]);
    return new MaxF1(bestF1, threshold, r.truePositives[best] + r.falsePositives[best]);
  }

  /**
   * The max-F1 of uninformative (constant) scores: the only cut flags every row, F1 = {@code 2r / (1 +
   * r)} with {@code r} the anomaly rate; NaN when there are no anomalies. Random scores do a little
   * better on small sets, because the maximum picks the luckiest cut.
   */
  public static double chance(boolean[] labels) {
    double rate = AveragePrecision.chance(labels);
    return rate > 0 ? 2 * rate / (1 + rate) : Double.NaN;
  }
}

package ad.eval.metrics;

import java.util.Arrays;

/**
 * Scores grouped by distinct value, highest first, with cumulative class counts: the one sort that
 * every ranking metric and curve shares.
 *
 * <p>Group {@code g} holds every row whose score equals {@code thresholds[g]}; {@code truePositives[g]}
 * and {@code falsePositives[g]} count the anomalous and normal rows whose score is {@code >=
 * thresholds[g]}, i.e. what is flagged if that value is the cut. Grouping equal scores is what makes
 * the metrics tie-aware: a tie moves both counts at once instead of in some arbitrary row order.
 */
final class Ranking {
  final double[] thresholds;
  final int[] truePositives;
  final int[] falsePositives;
  final int positives;
  final int negatives;

  private Ranking(double[] thresholds, int[] truePositives, int[] falsePositives, int positives,
      int negatives) {
    this.thresholds = thresholds;
    this.truePositives = truePositives;
    this.falsePositives = falsePositives;
    this.positives = positives;
    this.negatives = negatives;
  }

  static Ranking of(boolean[] labels, double[] scores) {
    Inputs.labelsAndScores(labels, scores);
    int positives = Inputs.countTrue(labels);
    int negatives = labels.length - positives;
    // Two primitive sorts and a merge: no boxed index array, which matters on 500k-row test sets.
    double[] pos = new double[positives];
    double[] neg = new double[negatives];
    int p = 0;
    int q = 0;
    for (int r = 0; r < labels.length; r++) {
      if (labels[r]) {
        pos[p++] = scores[r];
      } else {
        neg[q++] = scores[r];
      }
    }
    Arrays.sort(pos);
    Arrays.sort(neg);
    double[] thresholds = new double[labels.length];
    int[] tp = new int[labels.length];
    int[] fp = new int[labels.length];
    int i = positives - 1;
    int j = negatives - 1;
    int groups = 0;
    int tpSoFar = 0;
    int fpSoFar = 0;
    while (i >= 0 || j >= 0) {
      double v;
      if (i < 0) {
        v = neg[j];
      } else if (j < 0) {
        v = pos[i];
      } else {
        v = pos[i] >= neg[j] ? pos[i] : neg[j];
      }
      // == rather than Double.compare so that -0.0 and 0.0, which Arrays.sort orders, form one tie.
      while (i >= 0 && pos[i] == v) {
        tpSoFar++;
        i--;
      }
      while (j >= 0 && neg[j] == v) {
        fpSoFar++;
        j--;
      }
      thresholds[groups] = v;
      tp[groups] = tpSoFar;
      fp[groups] = fpSoFar;
      groups++;
    }
    return new Ranking(Arrays.copyOf(thresholds, groups), Arrays.copyOf(tp, groups),
        Arrays.copyOf(fp, groups), positives, negatives);
  }

  int groups() {
    return thresholds.length;
  }
}

package ad.eval.metrics;

import java.util.Random;

/** Seeded random labels and scores, and brute-force references that share no code with the metrics. */
final class Fixtures {
  private Fixtures() {}

  static boolean[] labels(Random random, int n, double anomalyRate) {
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextDouble() < anomalyRate;
    }
    return labels;
  }

  /**
   * Scores that anomalies tend to win, rounded to {@code levels} values per unit when {@code levels >
   * 0} so that many of them tie, across and within classes.
   */
  static double[] scores(Random random, boolean[] labels, int levels) {
    double[] scores = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      double s = random.nextGaussian() + (labels[i] ? 1.0 : 0.0);
      scores[i] = levels > 0 ? Math.round(s * levels) / (double) levels : s;
    }
    return scores;
  }

  static int[] ints(boolean[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] ? 1 : 0;
    }
    return out;
  }

  /** P(anomaly scores above normal) + P(tie) / 2 by counting every pair: O(n^2). */
  static double pairwiseAuc(boolean[] labels, double[] scores) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < labels.length; i++) {
      for (int j = 0; j < labels.length; j++) {
        if (labels[i] && !labels[j]) {
          pairs++;
          wins += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
        }
      }
    }
    return wins / pairs;
  }

  /** sklearn's AP by recounting at every distinct threshold: O(n * distinct). */
  static double bruteForceAp(boolean[] labels, double[] scores) {
    double[] distinct = java.util.Arrays.stream(scores).distinct().sorted().toArray();
    int anomalies = 0;
    for (boolean l : labels) {
      anomalies += l ? 1 : 0;
    }
    double ap = 0;
    double previousRecall = 0;
    for (int d = distinct.length - 1; d >= 0; d--) {
      int tp = 0;
      int flagged = 0;
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] >= distinct[d]) {
          flagged++;
          tp += labels[i] ? 1 : 0;
        }
      }
      double recall = (double) tp / anomalies;
      ap += (recall - previousRecall) * tp / flagged;
      previousRecall = recall;
    }
    return ap;
  }
}

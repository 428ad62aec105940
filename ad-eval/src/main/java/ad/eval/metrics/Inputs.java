package ad.eval.metrics;

/** Argument checks shared by the metrics; they throw {@link IllegalArgumentException}. */
final class Inputs {
  private Inputs() {}

  static void sameLength(String first, int firstLength, String second, int secondLength) {
    if (firstLength != secondLength) {
      throw new IllegalArgumentException(first + " and " + second + " differ in length: "
          + firstLength + " != " + secondLength);
    }
  }

  /** Lengths match and every score is finite: NaN has no place in a ranking. */
  static void labelsAndScores(boolean[] labels, double[] scores) {
    sameLength("labels", labels.length, "scores", scores.length);
    int bad = 0;
    int first = -1;
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        if (bad == 0) {
          first = i;
        }
        bad++;
      }
    }
    if (bad > 0) {
      throw new IllegalArgumentException(bad + " of " + scores.length
          + " scores are NaN or infinite (first at row " + first + ": " + scores[first] + ")");
    }
  }

  static int countTrue(boolean[] values) {
    int n = 0;
    for (boolean v : values) {
      if (v) {
        n++;
      }
    }
    return n;
  }
}

package ad.eval.stats;

/** Checks on a {@code scores[dataset][detector]} matrix. */
final class Matrix {
  private Matrix() {}

  /**
   * Checks that {@code scores} is rectangular with at least the given numbers of data sets and
   * detectors, and finite.
   *
   * @return the number of detectors
   * @throws IllegalArgumentException naming what is wrong and where
   */
  static int check(double[][] scores, int minimumDatasets, int minimumDetectors) {
    if (scores.length < minimumDatasets) {
      throw new IllegalArgumentException("need at least " + minimumDatasets + " data sets, got "
          + scores.length);
    }
    int k = scores.length == 0 ? 0 : scores[0].length;
    if (k < minimumDetectors) {
      throw new IllegalArgumentException("need at least " + minimumDetectors + " detectors, got "
          + k);
    }
    for (int i = 0; i < scores.length; i++) {
      if (scores[i].length != k) {
        throw new IllegalArgumentException("data set " + i + " has " + scores[i].length
            + " detectors, data set 0 has " + k);
      }
      for (int j = 0; j < k; j++) {
        if (!Double.isFinite(scores[i][j])) {
          throw new IllegalArgumentException("score of detector " + j + " on data set " + i
              + " is " + scores[i][j] + "; drop that data set or detector first");
        }
      }
    }
    return k;
  }
}

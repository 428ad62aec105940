package ad.eval.stats;

/**
 * The rank of each detector on each data set, 1 for the highest score, tied detectors sharing the
 * average of the ranks they span (Demšar's convention), and each detector's average rank.
 *
 * @param ranks {@code ranks[dataset][detector]}
 * @param average the average rank of each detector over the data sets (lower is better)
 * @see "J. Demšar, Statistical comparisons of classifiers over multiple data sets, JMLR 7 (2006),
 *     section 3.2.2"
 */
public record Ranks(double[][] ranks, double[] average) {

  public Ranks {
    ranks = deepCopy(ranks);
    average = average.clone();
  }

  /**
   * Ranks {@code scores[dataset][detector]}, higher is better.
   *
   * @throws IllegalArgumentException if the matrix is empty, ragged or not finite
   */
  public static Ranks of(double[][] scores) {
    int k = Matrix.check(scores, 1, 1);
    int n = scores.length;
    double[][] ranks = new double[n][k];
    double[] average = new double[k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        int better = 0;
        int equal = 0;
        for (int other = 0; other < k; other++) {
          if (scores[i][other] > scores[i][j]) {
            better++;
          } else if (scores[i][other] == scores[i][j]) {
            equal++;
          }
        }
        // Ranks better + 1 .. better + equal, averaged.
        ranks[i][j] = better + (equal + 1) / 2.0;
        average[j] += ranks[i][j] / n;
      }
    }
    return new Ranks(ranks, average);
  }

  public int datasets() {
    return ranks.length;
  }

  public int detectors() {
    return average.length;
  }

  @Override
  public double[][] ranks() {
    return deepCopy(ranks);
  }

  @Override
  public double[] average() {
    return average.clone();
  }

  private static double[][] deepCopy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }
}

package ad.eval.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Wilcoxon signed-rank tests of every pair of detectors over the data sets, with Holm-adjusted
 * p-values over the {@code k (k - 1) / 2} pairs.
 *
 * @param first the index of the first detector (column of the matrix)
 * @param second the index of the second detector, {@code > first}
 * @param test the test of second against first ({@code R+}: second better)
 * @param holmP the Holm-adjusted p-value over all pairs
 * @see "J. Demšar, Statistical comparisons of classifiers over multiple data sets, JMLR 7 (2006),
 *     sections 3.1.3 and 3.2"
 */
public record PairwiseWilcoxon(int first, int second, WilcoxonSignedRank test, double holmP) {

  /**
   * Every pair of columns of {@code scores[dataset][detector]}, higher is better, ordered (0, 1), (0,
   * 2), ..., (1, 2), ...
   *
   * @throws IllegalArgumentException with fewer than 2 detectors or 1 data set, or cells that are not
   *     finite
   */
  public static List<PairwiseWilcoxon> of(double[][] scores) {
    int k = Matrix.check(scores, 1, 2);
    List<WilcoxonSignedRank> tests = new ArrayList<>();
    List<int[]> pairs = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        tests.add(WilcoxonSignedRank.of(column(scores, a), column(scores, b)));
        pairs.add(new int[] {a, b});
      }
    }
    double[] p = tests.stream().mapToDouble(WilcoxonSignedRank::pValue).toArray();
    double[] adjusted = Holm.adjust(p);
    List<PairwiseWilcoxon> out = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      out.add(new PairwiseWilcoxon(pairs.get(i)[0], pairs.get(i)[1], tests.get(i), adjusted[i]));
    }
    return out;
  }

  private static double[] column(double[][] scores, int j) {
    double[] out = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = scores[i][j];
    }
    return out;
  }
}

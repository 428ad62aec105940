package ad.eval.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment of m p-values for multiple comparisons: sorted ascending, the i-th
 * (from 0) becomes {@code (m - i) * p}, made non-decreasing along the order and capped at 1. A
 * hypothesis is rejected at level alpha when its adjusted p-value is at most alpha, which controls the
 * family-wise error rate without Bonferroni's loss of power. Same as R's {@code p.adjust(p, "holm")}.
 *
 * @see "S. Holm, A simple sequentially rejective multiple test procedure, Scand. J. Stat. 6 (1979)
 *     65-70"
 */
public final class Holm {
  private Holm() {}

  /**
   * The adjusted p-values, in the order of {@code p}. A NaN p-value is an {@link
   * IllegalArgumentException}: it would have no place in the order.
   */
  public static double[] adjust(double[] p) {
    int m = p.length;
    for (int i = 0; i < m; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException("p-value " + i + " is not in [0, 1]: " + p[i]);
      }
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1, (m - rank) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }
}

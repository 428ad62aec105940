package ad.core;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The one seeded shuffle used for splits, hold-outs and mini-batch order, and the one seeded draw of
 * a subsample.
 *
 * <p>Fisher-Yates driven by {@link Random}, whose sequence is fixed by its specification, so the same
 * seed gives the same order on every JDK.
 */
public final class Shuffle {
  private Shuffle() {}

  /** Shuffles {@code a} in place. */
  public static void inPlace(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * {@code k} distinct indices below {@code n}, ascending: the first {@code k} places of a partial
   * Fisher-Yates shuffle of {@code 0 .. n-1} driven by {@code random}. An ensemble member's rows and
   * features, and the code term's reference rows, are drawn by it.
   */
  public static int[] sample(int n, int k, SplittableRandom random) {
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("cannot draw " + k + " of " + n);
    }
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] picked = Arrays.copyOf(all, k);
    Arrays.sort(picked);
    return picked;
  }

  /**
   * {@code data} itself when it has at most {@code max} rows, else {@code max} of its rows drawn
   * without replacement by {@link #sample}, in their original order: an ensemble member's training
   * rows ({@code max_rows}) and the code term's reference rows ({@code code_reference_rows}).
   */
  public static Dataset atMost(Dataset data, int max, SplittableRandom random) {
    return data.rows() <= max ? data : data.select(sample(data.rows(), max, random));
  }
}

package ad.core;

import java.util.Random;

/**
 * The one seeded shuffle used for splits, hold-outs and mini-batch order.
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
}

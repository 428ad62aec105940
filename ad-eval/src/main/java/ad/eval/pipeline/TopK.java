package ad.eval.pipeline;

import java.util.function.IntToDoubleFunction;

/** The largest few of many values, for the top-k explanations of scored rows and points. */
final class TopK {
  private TopK() {}

  /**
   * Fills {@code top} with the indices of the {@code top.length} largest of {@code value(0)} ..
   * {@code value(count - 1)}, largest first; of equal values the lower index comes first. An insertion
   * into a short sorted list: k is a handful, so this beats sorting all {@code count} values.
   */
  static void largest(int count, IntToDoubleFunction value, int[] top) {
    int filled = 0;
    for (int i = 0; i < count; i++) {
      double v = value.applyAsDouble(i);
      int at = filled;
      while (at > 0 && value.applyAsDouble(top[at - 1]) < v) {
        at--;
      }
      if (at < top.length) {
        int end = Math.min(filled, top.length - 1);
        System.arraycopy(top, at, top, at + 1, end - at);
        top[at] = i;
        filled = Math.min(filled + 1, top.length);
      }
    }
  }
}

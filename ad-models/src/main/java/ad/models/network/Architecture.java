package ad.models.network;

import java.util.List;

/**
 * What every family's engine-neutral network description can tell before anything is built: how many
 * trainable values (weights and biases) the network will hold, which decides the memory training
 * needs ({@code ad.models.train.TrainingMemory}). Each engine builds exactly this many (tested).
 */
public interface Architecture {

  /** The trainable values of the network; {@link Long#MAX_VALUE} if that does not fit in a long. */
  long parameterCount();

  /** Weights and biases of fully connected layers {@code widths[0] -> widths[1] -> ...}. */
  static long dense(List<Integer> widths) {
    long total = 0;
    for (int i = 0; i + 1 < widths.size(); i++) {
      total = sum(total, sum(product(widths.get(i), widths.get(i + 1)), widths.get(i + 1)));
    }
    return total;
  }

  /** {@code a * b}, or {@link Long#MAX_VALUE} on overflow (counts are never negative). */
  static long product(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** {@code a + b}, or {@link Long#MAX_VALUE} on overflow. */
  static long sum(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}

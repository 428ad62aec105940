package ad.core;

import java.util.Locale;

/**
 * What to tell a user whose model does not fit in memory: how much the JVM may use, and how to give
 * it more. The {@code ad} launcher passes {@code AD_JAVA_OPTS} to Java, so {@code -Xmx} goes there.
 */
public final class MemoryAdvice {
  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  private MemoryAdvice() {}

  /** The most heap this JVM may use ({@code -Xmx}), in bytes. */
  public static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }

  /**
   * How to run with at least {@code neededBytes} of heap: an {@code -Xmx} above both that and twice
   * today's, in whole GiB (or MiB below 1 GiB).
   */
  public static String giveMore(long neededBytes) {
    long target = Math.max(neededBytes + neededBytes / 4 + 64 * MIB, 2 * maxHeap());
    String xmx = target < GIB ? "-Xmx" + ceil(target, MIB) + "m" : "-Xmx" + ceil(target, GIB) + "g";
    return "give ad more memory, e.g. AD_JAVA_OPTS=" + xmx + " before ./ad (if the machine has it)";
  }

  /**
   * The reason of a cell that ran out of memory: what the JVM said, how much it may use, and what to
   * change.
   */
  public static String outOfMemory(OutOfMemoryError e) {
    String said = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
    return "ran out of memory" + said + ": this cell needed more than the " + bytes(maxHeap())
        + " this JVM may use (its maximum heap, shared by the cells that run at once); " + giveMore(maxHeap())
        + ", run fewer cells at once (--workers 1), or make the model or the data smaller";
  }

  /** {@code bytes} for people: {@code 512 MB}, {@code 3.9 GB} (powers of 1024). */
  public static String bytes(long bytes) {
    if (bytes < GIB) {
      return String.format(Locale.ROOT, "%d MB", ceil(bytes, MIB));
    }
    return String.format(Locale.ROOT, "%.1f GB", (double) bytes / GIB);
  }

  private static long ceil(long value, long unit) {
    return (value + unit - 1) / unit;
  }
}

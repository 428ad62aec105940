package ad.core;

import java.io.Serializable;
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
    return Heap.THIS_JVM.giveMore(neededBytes);
  }

  /** Which heap a cell runs in, so which setting gives it more. */
  public enum Heap {
    /** ad's own JVM (also Spark's local[N] master, whose tasks run in it): {@code -Xmx}. */
    THIS_JVM,
    /**
     * A Spark cluster's executor JVM: {@code spark.executor.memory}. {@code -Xmx} would size the
     * driver, which runs no cell.
     */
    SPARK_EXECUTOR;

    /** How to run with at least {@code neededBytes} of heap (see {@link MemoryAdvice#giveMore}). */
    public String giveMore(long neededBytes) {
      long target = Math.max(neededBytes + neededBytes / 4 + 64 * MIB, 2 * maxHeap());
      String size = target < GIB ? ceil(target, MIB) + "m" : ceil(target, GIB) + "g";
      if (this == SPARK_EXECUTOR) {
        return "give the executors more memory, e.g. AD_JAVA_OPTS=-Dspark.executor.memory=" + size
            + " before ./ad, or --executor-memory " + size + " with spark-submit (if the workers have "
            + "it)";
      }
      return "give ad more memory, e.g. AD_JAVA_OPTS=-Xmx" + size + " before ./ad (if the machine has it)";
    }
  }

  /**
   * How many cells share the heap of the JVM a cell runs in, and how the user runs fewer at once:
   * what the advice for a cell that ran out of memory needs to know of where cells run.
   *
   * @param cellsAtOnce the most cells that run at once in this JVM; 0 when not known
   * @param fewerCells how to run fewer cells at once there, e.g. {@code --workers 1}
   * @param heap which JVM that is, so which setting gives it more heap
   */
  public record HeapSharing(int cellsAtOnce, String fewerCells, Heap heap) implements Serializable {
    public HeapSharing {
      if (cellsAtOnce < 0) {
        throw new IllegalArgumentException("cells at once must be >= 0, got " + cellsAtOnce);
      }
      java.util.Objects.requireNonNull(heap, "heap");
    }

    /** Cells run on {@code workers} threads of ad's own JVM ({@code ad run --workers N}). */
    public static HeapSharing workers(int workers) {
      return new HeapSharing(workers, "--workers 1", Heap.THIS_JVM);
    }
  }

  /**
   * The reason of a cell that ran out of memory: what the JVM said, how much it may use, and what to
   * change. Running fewer cells at once is advised only when other cells may have shared the heap:
   * a cell that ran alone needs a larger heap, or a smaller model, batches or data.
   */
  public static String outOfMemory(OutOfMemoryError e, HeapSharing sharing) {
    String said = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
    String smaller = "make the model or its batches (batch_size) smaller, or the data";
    String start = "ran out of memory" + said + ": this cell needed more than the " + bytes(maxHeap())
        + " this JVM may use (its maximum heap";
    if (sharing.cellsAtOnce() == 1) {
      return start + "; no other cell ran beside it, so running fewer at once cannot help); "
          + sharing.heap().giveMore(maxHeap()) + ", or " + smaller;
    }
    String shared = sharing.cellsAtOnce() > 1
        ? ", shared by the " + sharing.cellsAtOnce() + " cells that may run at once"
        : ", shared by the cells that run at once";
    return start + shared + "); " + sharing.heap().giveMore(maxHeap()) + ", run fewer cells at once ("
        + sharing.fewerCells()
        + "), or " + smaller;
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

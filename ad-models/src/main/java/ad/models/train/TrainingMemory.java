package ad.models.train;

import ad.core.MemoryAdvice;
import ad.core.UserException;
import ad.models.network.Architecture;
import ad.models.network.Engine;
import java.util.Locale;

/**
 * Refuses, before anything is allocated, a network whose parameters alone cannot fit in what training
 * needs for them (issue 14): a cell then fails at once with the memory it needs and how to give more,
 * instead of an OutOfMemoryError after minutes of work. A network that passes can still run out of
 * memory later (activations, the data, other cells running at once); the runner turns that into a
 * failed cell with advice too.
 *
 * <p>Per parameter, 4 bytes (float) each for: the weights, their gradients, and Adam's two moments;
 * with {@code validation_split} two copies more, the best epoch's weights the loop keeps and the
 * snapshot taken when a better epoch comes. That is a lower bound: the conv engine sums gradients per
 * training thread, and layers hold activations per batch. The native engine keeps all of it on the
 * Java heap; DL4J keeps the network, its gradients and Adam's state in ND4J's off-heap memory
 * (bounded by JavaCPP's {@code maxbytes}, by default the maximum heap) and only the loop's copies on
 * the heap.
 */
public final class TrainingMemory {
  private static final long FLOAT = 4;
  /** The most values ad keeps in one Java array (a network's parameters are copied into one). */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private TrainingMemory() {}

  /**
   * @param shrink the options that make the network smaller, e.g. {@code hidden_layers}
   * @throws UserException if training this network cannot fit in this JVM
   */
  public static void require(Architecture architecture, TrainingOptions options, String shrink) {
    long parameters = architecture.parameterCount();
    String count = String.format(Locale.ROOT, "the network has %,d parameters", parameters);
    if (parameters > MAX_ARRAY) {
      throw new UserException(count + ", more than the " + String.format(Locale.ROOT, "%,d", MAX_ARRAY)
          + " values a Java array holds, and ad keeps a network's parameters in one: make the network "
          + "smaller (" + shrink + ")");
    }
    boolean snapshots = options.validationSplit() > 0;
    String copies = "4 bytes each for the weights, their gradients and Adam's two moments"
        + (snapshots ? ", and two more copies of the weights to keep the best epoch's (validation_split > 0)" : "");
    long heap = parameters * FLOAT * (snapshots ? 2 : 0);
    if (options.engine() == Engine.DL4J) {
      long offHeap = parameters * FLOAT * 4;
      long limit = offHeapLimit();
      if (limit > 0 && offHeap > limit) {
        throw new UserException(count + "; training it on DL4J holds at least " + MemoryAdvice.bytes(offHeap)
            + " of ND4J's off-heap memory for them (" + copies + "), more than its limit of "
            + MemoryAdvice.bytes(limit) + " (JavaCPP's maxbytes, which follows the maximum heap): "
            + MemoryAdvice.giveMore(offHeap) + ", or make the network smaller (" + shrink + ")");
      }
    } else {
      heap += parameters * FLOAT * 4;
    }
    if (heap > MemoryAdvice.maxHeap()) {
      throw new UserException(count + "; training it holds at least " + MemoryAdvice.bytes(heap) + " for them ("
          + copies + "), more than the " + MemoryAdvice.bytes(MemoryAdvice.maxHeap()) + " this JVM may use (its "
          + "maximum heap): " + MemoryAdvice.giveMore(heap) + ", or make the network smaller (" + shrink + ")");
    }
  }

  /** JavaCPP's limit on off-heap memory, which ND4J's arrays count against; 0 when unlimited. */
  private static long offHeapLimit() {
    long max = org.bytedeco.javacpp.Pointer.maxBytes();
    return max > 0 ? max : Math.max(0, org.bytedeco.javacpp.Pointer.maxPhysicalBytes());
  }
}

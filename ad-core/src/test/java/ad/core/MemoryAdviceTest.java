package ad.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The advice for a cell that ran out of memory fits how many cells shared the heap. */
class MemoryAdviceTest {
  private static final OutOfMemoryError HEAP = new OutOfMemoryError("Java heap space");

  @Test
  void aCellThatRanAloneIsNotToldToRunFewerCells() {
    String advice = MemoryAdvice.outOfMemory(HEAP, MemoryAdvice.HeapSharing.workers(1));
    assertTrue(advice.startsWith("ran out of memory (Java heap space): this cell needed more than the "
        + MemoryAdvice.bytes(MemoryAdvice.maxHeap()) + " this JVM may use (its maximum heap; no other cell ran "
        + "beside it, so running fewer at once cannot help); give ad more memory, e.g. AD_JAVA_OPTS=-Xmx"), advice);
    assertTrue(advice.endsWith(" before ./ad (if the machine has it), or make the model or its batches "
        + "(batch_size) smaller, or the data"), advice);
    assertFalse(advice.contains("--workers") || advice.contains("shared"), advice);
  }

  @Test
  void cellsSharingTheHeapAreToldHowToRunFewer() {
    String advice = MemoryAdvice.outOfMemory(HEAP, MemoryAdvice.HeapSharing.workers(4));
    assertTrue(advice.contains("(its maximum heap, shared by the 4 cells that may run at once); give ad more "
        + "memory, e.g. AD_JAVA_OPTS=-Xmx"), advice);
    assertTrue(advice.endsWith(" before ./ad (if the machine has it), run fewer cells at once (--workers 1), or "
        + "make the model or its batches (batch_size) smaller, or the data"), advice);

    String spark = MemoryAdvice.outOfMemory(new OutOfMemoryError(), new MemoryAdvice.HeapSharing(0,
        "fewer task slots per executor", MemoryAdvice.Heap.SPARK_EXECUTOR));
    assertTrue(spark.startsWith("ran out of memory: this cell needed"), spark);
    assertTrue(spark.contains("(its maximum heap, shared by the cells that run at once); give the executors "
        + "more memory, e.g. AD_JAVA_OPTS=-Dspark.executor.memory="), spark);
    assertTrue(spark.contains(", run fewer cells at once (fewer task slots per executor), or "), spark);
    assertFalse(spark.contains("-Xmx"), "-Xmx would size the driver, which runs no cell: " + spark);
  }

  @Test
  void theHeapSuggestedIsAboveTodays() {
    String advice = MemoryAdvice.outOfMemory(HEAP, MemoryAdvice.HeapSharing.workers(1));
    java.util.regex.Matcher xmx = java.util.regex.Pattern.compile("-Xmx(\\d+)([mg])").matcher(advice);
    assertTrue(xmx.find(), advice);
    long suggested = Long.parseLong(xmx.group(1)) << (xmx.group(2).equals("g") ? 30 : 20);
    assertTrue(suggested >= 2 * MemoryAdvice.maxHeap(), advice);
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MemoryAdvice.HeapSharing(-1, "--workers 1",
        MemoryAdvice.Heap.THIS_JVM));
  }
}

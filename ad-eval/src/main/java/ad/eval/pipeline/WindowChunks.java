package ad.eval.pipeline;

import ad.core.Dataset;
import ad.core.DetectorModel;
import java.util.stream.IntStream;

/**
 * How the windows of a series are scored, by the run and by {@code ad score} alike: in chunks of
 * {@link #SIZE} consecutive windows of one file, counted from the file's first window, one model call
 * per chunk.
 *
 * <p>Why: a model's score for a row may depend on the other rows of the call in the last bits (the
 * dense engine's OpenBLAS products give a row other roundings at another position in the batch, or in
 * a batch of another size). With the same chunks in both, every call sees the same rows in the same
 * order, so {@code ad score} reproduces the run's window scores, and from them its point scores, bit
 * for bit, for any model. 256 is the dense engine's own batch, so a chunk costs what a batch did.
 * Chunks are independent: they are scored in parallel.
 */
public final class WindowChunks {
  /** Windows per chunk (and per model call). */
  public static final int SIZE = 256;

  private WindowChunks() {}

  /**
   * One score per window of {@code windows}: consecutive windows of one file whose first row is the
   * first window of a chunk (the file's first window, or one a multiple of {@link #SIZE} after it).
   */
  public static double[] score(DetectorModel model, Dataset windows) {
    double[] out = new double[windows.rows()];
    int chunks = (windows.rows() + SIZE - 1) / SIZE;
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int first = c * SIZE;
      int count = Math.min(SIZE, windows.rows() - first);
      Dataset chunk = chunks == 1 ? windows : windows.select(IntStream.range(first, first + count).toArray());
      System.arraycopy(model.score(chunk).values(), 0, out, first, count);
    });
    return out;
  }
}

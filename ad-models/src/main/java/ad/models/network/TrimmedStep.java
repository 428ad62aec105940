package ad.models.network;

import java.util.function.Supplier;

/**
 * {@link RowTrim Trimmed} training of an autoencoder whose step cannot keep a whole batch's forward
 * pass (the native convolutional network goes one sample at a time; DL4J runs forward and backward in
 * one call): each row's loss, its mean squared reconstruction error, is measured first by a forward
 * pass over the current weights without dropout or noise (the row's score as the model stands), then
 * the untrimmed step trains on the kept rows alone, so the batch loss is their mean.
 *
 * <p>A step costs one more forward pass than untrimmed training.
 */
public final class TrimmedStep implements TrainingStep {
  private final RowTrim trim;
  private final Reconstructor current;
  private final int columns;
  private final TrainingStep untrimmed;
  private final double[] losses;
  private final boolean[] keep;
  private final float[] kept;
  private final float[] chunk;

  /**
   * @param current a forward pass over the weights being trained (it sees every update)
   * @param columns values per row
   * @param batchRows the most rows a batch has
   * @param untrimmed the step that trains on the kept rows
   */
  public TrimmedStep(RowTrim trim, Reconstructor current, int columns, int batchRows,
      TrainingStep untrimmed) {
    this.trim = trim;
    this.current = current;
    this.columns = columns;
    this.untrimmed = untrimmed;
    this.losses = new double[batchRows];
    this.keep = new boolean[batchRows];
    this.kept = new float[batchRows * columns];
    this.chunk = new float[Math.min(batchRows, Reconstructor.BATCH_ROWS) * columns];
  }

  /**
   * {@code untrimmed}, trimmed by {@code trim} when it is active.
   *
   * @param current gives a forward pass over the weights being trained
   */
  public static TrainingStep of(RowTrim trim, Supplier<Reconstructor> current, int columns,
      int batchRows, TrainingStep untrimmed) {
    return trim.active()
        ? new TrimmedStep(trim, current.get(), columns, batchRows, untrimmed)
        : untrimmed;
  }

  @Override
  public double trainBatch(float[] rows, int count) {
    if (trim.kept(count) == count) {
      return untrimmed.trainBatch(rows, count);
    }
    for (int first = 0; first < count; first += Reconstructor.BATCH_ROWS) {
      int n = Math.min(Reconstructor.BATCH_ROWS, count - first);
      System.arraycopy(rows, first * columns, chunk, 0, n * columns);
      float[] y = current.reconstruct(chunk, n);
      for (int r = 0; r < n; r++) {
        double sum = 0;
        int base = r * columns;
        for (int c = 0; c < columns; c++) {
          double d = chunk[base + c] - y[base + c];
          sum += d * d;
        }
        losses[first + r] = sum;
      }
    }
    trim.select(losses, count, keep);
    int n = RowTrim.compact(rows, columns, keep, count, kept);
    return untrimmed.trainBatch(kept, n);
  }
}

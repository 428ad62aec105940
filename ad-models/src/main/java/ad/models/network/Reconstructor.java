package ad.models.network;

/** One thread's forward pass through an {@link AutoencoderNetwork}, in inference mode. */
public interface Reconstructor {

  /** The most rows one call takes. */
  int BATCH_ROWS = 256;

  /**
   * Reconstructs {@code count} rows (at most {@link #BATCH_ROWS}), given row-major in {@code rows},
   * without dropout or noise. Returns the reconstructions in the same layout: the first
   * {@code count * columns} values of the returned array, which the reconstructor may reuse on its
   * next call.
   */
  float[] reconstruct(float[] rows, int count);
}

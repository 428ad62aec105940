package ad.models.dense;

/**
 * One network's forward pass. Not thread-safe: each scoring call opens its own from a
 * {@link ReconstructorSource}.
 */
interface Reconstructor {

  /**
   * Reconstructs {@code count} rows (at most {@link ReconstructionErrors#BATCH_ROWS}), given row-major
   * in {@code rows}, and returns the reconstructions in the same layout: the first
   * {@code count * columns} values of the returned array, which the reconstructor may reuse on its
   * next call.
   */
  float[] reconstruct(float[] rows, int count);
}

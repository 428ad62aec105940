package ad.models.dense;

/**
 * One network's forward pass. Not thread-safe: each scoring call opens its own from a
 * {@link ReconstructorSource}.
 */
interface Reconstructor {

  /**
   * Reconstructs {@code count} rows, given row-major in {@code rows} (exactly {@code count * columns}
   * values), and returns the reconstructions in the same layout.
   */
  float[] reconstruct(float[] rows, int count);
}

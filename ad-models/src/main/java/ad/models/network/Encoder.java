package ad.models.network;

/**
 * One thread's forward pass from rows to their codes, the activations of a network's bottleneck
 * layer, in inference mode (no dropout, no noise).
 */
public interface Encoder {

  /** Values per code. */
  int codeWidth();

  /**
   * The codes of {@code count} rows (at most {@link Reconstructor#BATCH_ROWS}), given row-major in
   * {@code rows}: the first {@code count * codeWidth()} values of the returned array, which the
   * encoder may reuse on its next call.
   */
  float[] encode(float[] rows, int count);
}

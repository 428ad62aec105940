package ad.models.network;

/** One optimiser step of a {@link Network} under training. */
public interface TrainingStep {

  /**
   * One step on {@code count} rows, given row-major in {@code rows} (at least {@code count * columns}
   * values; more may follow and mean nothing). Returns the batch's mean loss per row as the objective
   * measures it during the step (with dropout and noise, before the update), without the L2 penalty:
   * the mean squared error per value for an autoencoder, the negative ELBO per row for a VAE; over
   * the rows kept when the step {@link RowTrim trims}.
   */
  double trainBatch(float[] rows, int count);
}

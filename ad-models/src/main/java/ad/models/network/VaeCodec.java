package ad.models.network;

/** One thread's inference passes through a {@link VariationalNetwork}, without dropout. */
public interface VaeCodec {

  /**
   * The posterior of {@code count} rows (at most {@link Reconstructor#BATCH_ROWS}): row {@code r}'s
   * {@code 2 * latent} values are {@code [mu, log-variance]}. Returns a buffer the codec may reuse on
   * its next {@code encode}.
   */
  float[] encode(float[] rows, int count);

  /**
   * The decoder's raw output for {@code count} latent rows ({@code latent} values each): the Gaussian
   * mean or the Bernoulli logit of each feature, {@code columns} values per row. Returns a buffer the
   * codec may reuse on its next {@code decode}.
   */
  float[] decode(float[] z, int count);
}

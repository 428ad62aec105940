package ad.models.network;

/**
 * A variational autoencoder's network: an encoder to the Gaussian posterior {@code q(z | x)} and a
 * decoder to the parameters of {@code p(x | z)} (see {@link Likelihood}). The scores (reconstruction
 * probability, reconstruction error, negative ELBO) are computed from these by the family, the same
 * way for every engine.
 */
public interface VariationalNetwork extends Network {

  /** Values per row. */
  int columns();

  /** Size of the latent space. */
  int latent();

  /** A new pair of inference passes over the current parameters, for one thread. */
  VaeCodec codec();

  /**
   * The decoder's log-variance of each feature (Gaussian likelihood; all zero and unused for the
   * Bernoulli one), a copy.
   */
  float[] logVariance();
}

/**
 * The variational autoencoder (Kingma and Welling 2014), {@code variational_autoencoder}, on the lean
 * engine: {@link ad.models.vae.VariationalAutoencoder} and its options.
 *
 * <p>Inside: {@code VaeNetwork} holds the encoder, the decoder and the Gaussian log-variances;
 * {@code VaeTraining} is one ELBO step; {@code Likelihood} is the reconstruction distribution;
 * {@code VaeScorer} computes the three scores, in log space.
 */
package ad.models.vae;

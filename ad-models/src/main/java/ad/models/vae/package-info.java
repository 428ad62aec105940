/**
 * The variational autoencoder (Kingma and Welling 2014), {@code variational_autoencoder}: its options,
 * the detector, and its scores. {@code VaeScorer} computes the three scores (in log space) through an
 * engine's {@link ad.models.network.VaeCodec}, the same way on every engine; {@code LatentNoise} draws
 * each row's Monte Carlo samples from the row itself, so a row scores the same in any batch.
 */
package ad.models.vae;

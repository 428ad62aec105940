/**
 * The dense (fully connected) autoencoders: {@link ad.models.dense.DenseAutoencoder}
 * ({@code dense_autoencoder}) and {@link ad.models.dense.DenoisingAutoencoder}
 * ({@code denoising_autoencoder}), their options, and {@code DenseFit}, which turns the options into
 * a {@link ad.models.network.DenseArchitecture}, builds it on the chosen engine, trains it with the
 * shared loop ({@link ad.models.train.TrainingLoop}) and wraps it in the shared model
 * ({@link ad.models.recon.AutoencoderModel}).
 */
package ad.models.dense;

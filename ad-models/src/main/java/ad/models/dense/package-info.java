/**
 * The dense (fully connected) autoencoders: {@link ad.models.dense.DenseAutoencoder}
 * ({@code dense_autoencoder}) and {@link ad.models.dense.DenoisingAutoencoder}
 * ({@code denoising_autoencoder}), and their options.
 *
 * <p>Both train on the lean engine ({@link ad.models.engine}) through the shared loop
 * ({@link ad.models.train}). A trained model scores through a small package-private seam:
 * a {@code ReconstructorSource} of immutable weights opens one {@code Reconstructor} (a forward pass
 * with its own buffers) per scoring call, and {@code ReconstructionErrors} turns reconstructions
 * into squared errors, batch by batch.
 */
package ad.models.dense;

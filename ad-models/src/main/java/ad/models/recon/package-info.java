/**
 * The one base of the fitted networks' models ({@link ad.models.recon.ReconstructionModel}): input
 * checks, batched and multi-threaded scoring, explanations and reconstructions, and saving the input,
 * the parameter arrays and the training history. {@link ad.models.recon.AutoencoderModel} scores by
 * reconstruction error ({@link ad.models.recon.Residual}); the VAE adds its own scores.
 */
package ad.models.recon;

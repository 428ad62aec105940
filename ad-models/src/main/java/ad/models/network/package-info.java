/**
 * The seam between the autoencoder families and the engines that run them.
 *
 * <p>A family turns its options record into an engine-neutral description of its network: plain
 * values ({@link ad.models.network.DenseArchitecture}, {@link ad.models.network.ConvArchitecture} with
 * its {@link ad.models.network.ConvLayer}s, {@link ad.models.network.VaeArchitecture}; the one
 * {@link ad.models.network.Activation} set), each an {@link ad.models.network.Architecture} that counts
 * its parameters before anything is built. The option {@code engine} picks a
 * {@link ad.models.network.NetworkEngine} ({@link ad.models.network.Engine#implementation()} is the
 * one place that dispatches on it), which builds a {@link ad.models.network.Network}: an
 * {@link ad.models.network.AutoencoderNetwork} or a {@link ad.models.network.VariationalNetwork}.
 *
 * <p>What an engine implements, and what the shared machinery does with it:
 * <ul>
 *   <li>training: {@link ad.models.network.Network#trainer} gives a
 *       {@link ad.models.network.TrainingStep} (one Adam step per mini-batch);
 *       {@code ad.models.train.TrainingLoop} drives it (epochs, shuffling, validation, early stopping,
 *       best-weights restore via snapshot/restore, divergence) and measures the validation loss with
 *       the family's own definition;
 *   <li>scoring: per thread, a {@link ad.models.network.Reconstructor} (a batch of rows to their
 *       reconstructions) or a {@link ad.models.network.VaeCodec} (rows to the posterior, latent rows to
 *       the decoder's output); {@code ad.models.recon.ReconstructionModel} turns them into scores,
 *       per-feature errors and reconstructions, the same way on every engine;
 *   <li>saving: {@link ad.models.network.Network#parameters()} as named float arrays, written into the
 *       project's own model file beside the options; a loaded model is rebuilt from the options and
 *       given back its arrays with {@link ad.models.network.Network#setParameters}.
 * </ul>
 *
 * <p>Nothing here names a library type: DL4J, ND4J or the native engine's classes stay behind the
 * interfaces.
 */
package ad.models.network;

package ad.models.network;

/**
 * An engine: builds each family's network from its engine-neutral architecture. The network comes
 * with fresh weights drawn from {@code seed} (the fit seed: an engine derives its own named streams
 * from it, see {@link ad.core.Seeds}); to load a saved model, build it with any seed and set its
 * {@link Network#setParameters parameters}.
 *
 * <p>Implementations: {@code ad.models.nn.NativeEngine}, and one per further engine, chosen by
 * {@link Engine#implementation()}.
 */
public interface NetworkEngine {

  /** A dense autoencoder, plain or denoising. */
  AutoencoderNetwork dense(DenseArchitecture architecture, long seed);

  /** A convolutional autoencoder, 2-D (images) or 1-D (series windows). */
  AutoencoderNetwork conv(ConvArchitecture architecture, long seed);

  /** A variational autoencoder. */
  VariationalNetwork variational(VaeArchitecture architecture, long seed);

  /** An LSTM autoencoder for series windows. */
  AutoencoderNetwork lstm(LstmArchitecture architecture, long seed);
}

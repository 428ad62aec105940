package ad.models.dense;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.persist.StateReader;
import java.util.Objects;

/**
 * A denoising autoencoder (Vincent et al. 2008): a dense autoencoder trained to reconstruct each clean
 * row from a corrupted copy of it. The noise (Gaussian or masking) is drawn from the fit seed's
 * {@code "noise"} stream, fresh for every batch and so every epoch.
 *
 * <p>Noise exists only in training: the model scores, explains and validates on the clean rows, so a
 * row's score is deterministic, its mean squared reconstruction error, as for
 * {@link DenseAutoencoder}.
 */
public record DenoisingAutoencoder(DenoisingAutoencoderOptions options) implements Detector {

  public DenoisingAutoencoder {
    Objects.requireNonNull(options, "options");
    DenseFit.engine(options.autoencoder());
  }

  static final String TYPE = "denoising_autoencoder";

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    return DenseFit.ensemble(options.autoencoder(), TYPE).fit(train, seed,
        (rows, memberSeed) -> DenseFit.fit(rows, memberSeed, options.autoencoder(),
            options.inputNoise()));
  }

  @Override
  public DetectorModel load(StateReader in) {
    return DenseFit.ensemble(options.autoencoder(), TYPE).load(in,
        state -> DenseFit.load(state, TYPE, options.autoencoder()));
  }
}

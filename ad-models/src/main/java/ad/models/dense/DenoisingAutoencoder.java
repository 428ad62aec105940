package ad.models.dense;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
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
public final class DenoisingAutoencoder implements Detector {
  private final DenoisingAutoencoderOptions options;

  public DenoisingAutoencoder(DenoisingAutoencoderOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public DenoisingAutoencoderOptions options() {
    return options;
  }

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    Detector.requireNormalOnly(train);
    return DenseTraining.fit(train, seed, options.dense(), options.corruption());
  }

  @Override
  public String toString() {
    return "DenoisingAutoencoder(" + options + ")";
  }
}

package ad.models.dense;

import ad.core.registry.OptionException;
import ad.core.registry.Options;
import ad.models.network.DenseArchitecture;
import ad.models.network.InputNoise;
import ad.models.network.NoiseKind;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Options of {@link DenoisingAutoencoder}: those of {@link DenseAutoencoderOptions} (same keys, same
 * defaults, flat in YAML) plus the input noise. An option of the other noise is refused (the user
 * thinks it has an effect).
 *
 * @param autoencoder the network, scoring and training options, as a plain autoencoder's
 * @param noise gaussian or masking; default gaussian
 * @param noiseStd the Gaussian noise's standard deviation; only with {@code noise: gaussian}
 * @param maskFraction probability of zeroing each input; only with {@code noise: masking}
 */
public record DenoisingAutoencoderOptions(
    @JsonUnwrapped
    @JsonPropertyDescription("the options of dense_autoencoder")
    DenseAutoencoderOptions autoencoder,
    @JsonPropertyDescription("the input noise: gaussian (add N(0, noise_std^2) to every input) or "
        + "masking (set a random mask_fraction of the inputs to zero)")
    NoiseKind noise,
    @JsonPropertyDescription("standard deviation of the Gaussian noise; only with noise: gaussian")
    @Positive Double noiseStd,
    @JsonPropertyDescription("probability of zeroing each input; only with noise: masking")
    @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
    Double maskFraction) {

  public DenoisingAutoencoderOptions {
    if (autoencoder == null) {
      autoencoder = new DenseAutoencoderOptions(null);
    }
    noise = Options.orDefault(noise, NoiseKind.GAUSSIAN);
    if (noise == NoiseKind.GAUSSIAN) {
      if (maskFraction != null) {
        throw new OptionException("mask_fraction", "applies only to noise: masking; this model "
            + "uses noise: gaussian (set noise_std instead)");
      }
      noiseStd = Options.positive("noise_std", Options.orDefault(noiseStd, 0.1));
    } else {
      if (noiseStd != null) {
        throw new OptionException("noise_std", "applies only to noise: gaussian; this model uses "
            + "noise: masking (set mask_fraction instead)");
      }
      maskFraction = Options.orDefault(maskFraction, 0.2);
      if (!(maskFraction > 0 && maskFraction < 1)) {
        throw new OptionException("mask_fraction", "must be in (0, 1), got " + maskFraction);
      }
    }
  }

  /** The defaults (Gaussian noise, std 0.1) with the given hidden layer widths. */
  public DenoisingAutoencoderOptions(List<Integer> hiddenLayers) {
    this(new DenseAutoencoderOptions(hiddenLayers), null, null, null);
  }

  /** The noise the options describe. */
  InputNoise inputNoise() {
    return new InputNoise(noise, noise == NoiseKind.GAUSSIAN ? noiseStd : maskFraction);
  }

  /** The network these options describe for rows of {@code columns} values. */
  public DenseArchitecture architecture(int columns) {
    return autoencoder.architecture(columns, inputNoise());
  }
}

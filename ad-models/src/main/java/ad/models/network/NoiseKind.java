package ad.models.network;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The input noise of a denoising autoencoder, as the option {@code noise} names it. */
public enum NoiseKind {
  /** Adds {@code N(0, std^2)} to every input. */
  GAUSSIAN,
  /** Sets each input to zero with a probability (masking noise, Vincent et al. 2008). */
  MASKING;

  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

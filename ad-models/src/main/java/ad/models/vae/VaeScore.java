package ad.models.vae;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The scores a VAE can give a row: the option {@code score}; see {@link VaeScorer}. */
public enum VaeScore {
  RECONSTRUCTION_PROBABILITY, RECONSTRUCTION_ERROR, NEGATIVE_ELBO;

  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package ad.models.baseline;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a PCA model scores a row: the option {@code score} of {@link PcaOptions}. */
public enum PcaScore {
  /** The mean squared distance from the kept subspace: the linear autoencoder's error. */
  RECONSTRUCTION_ERROR,
  /**
   * The sum over kept components of the squared coordinate divided by that component's variance
   * (Shyu et al. 2003).
   */
  MAHALANOBIS;

  /** The name in YAML and in saved options. */
  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

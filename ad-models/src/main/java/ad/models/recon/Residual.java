package ad.models.recon;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a reconstruction's error is measured per feature, and so how a row is scored (the mean over its
 * features): {@code squared} (the mean squared error, the default) or {@code absolute} (the mean
 * absolute error, as SKAB's reference detectors score their windows). Absolute errors weigh one
 * large deviation less against many small ones. Training always minimises the squared error.
 */
public enum Residual {
  SQUARED,
  ABSOLUTE;

  /** The error of one feature whose reconstruction is off by {@code difference}. */
  public float of(float difference) {
    return this == SQUARED ? difference * difference : Math.abs(difference);
  }

  /** The name in YAML and in saved options. */
  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

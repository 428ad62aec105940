package ad.models.conv;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the encoder downsamples after each convolution: the option {@code pooling}. */
public enum Pooling {
  /** 2x2 max pooling (2 steps for series). */
  MAX,
  /** None: the map keeps its size (unless {@code strides} shrink it). */
  NONE;

  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

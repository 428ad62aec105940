package ad.models.conv;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the decoder undoes each downsampling: the option {@code upsampling}. */
public enum Upsampling {
  /** Repeat each value (nearest neighbour), then a convolution. */
  NEAREST,
  /** A transposed convolution. */
  TRANSPOSED;

  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

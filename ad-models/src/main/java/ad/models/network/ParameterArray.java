package ad.models.network;

import java.util.Objects;

/**
 * One array of a network's parameters and the key a model file keeps it under, e.g.
 * {@code layer0/weights} or {@code parameters/3}.
 */
public record ParameterArray(String key, float[] values) {

  public ParameterArray {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(values, "values");
  }
}

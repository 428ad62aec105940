package ad.eval.threshold;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.core.registry.OptionException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.NotNull;

/**
 * A threshold given by the user, for scores on a known scale (a probability, a calibrated error).
 * It ignores the reference scores entirely, so it neither needs nor checks any.
 *
 * @param value the threshold; required, finite
 */
public record FixedThresholder(
    @JsonPropertyDescription("the threshold: scores above it are anomalous") @NotNull Double value)
    implements Thresholder {

  public FixedThresholder {
    if (value == null) {
      throw new OptionException("value", "is required");
    }
    Options.finite("value", value);
  }

  @Override
  public Threshold fit(Scores reference) {
    return new Threshold(value, "fixed " + value);
  }
}

package ad.eval.spec;

import ad.core.Thresholder;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A thresholder and the scores it is fitted on.
 *
 * @param fitOn {@code validation} (held-out normal rows, the default: label-free and honest),
 *     {@code train} (the training rows: what SKAB's protocol does, optimistic), or {@code test}
 *     (the test scores themselves, transductively and without labels: e.g. "flag the top 20%" of
 *     the DAGMM protocol)
 */
public record ThresholdRule(Component<Thresholder> thresholder, FitOn fitOn) {

  /** Which scores a threshold is fitted on. */
  public enum FitOn {
    @JsonProperty("validation") VALIDATION,
    @JsonProperty("train") TRAIN,
    @JsonProperty("test") TEST;

    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public String name() {
    return thresholder.name();
  }
}

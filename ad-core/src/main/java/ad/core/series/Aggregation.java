package ad.core.series;

import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/** How the scores of the windows covering a point combine into the point's score. */
public enum Aggregation {
  /** The mean over covering windows: smooth, each window votes equally. */
  @JsonProperty("mean") MEAN,
  /** The maximum: a point is as anomalous as the worst window it is in. */
  @JsonProperty("max") MAX,
  /**
   * The minimum: a point is flagged only when every window covering it is, as in SKAB's
   * reference autoencoders ("a point is anomalous when all its windows are").
   */
  @JsonProperty("min") MIN;

  /** From a YAML value {@code mean}, {@code max} or {@code min}; {@code key} names the option in errors. */
  public static Aggregation parse(String key, String value) {
    return valueOf(Options.oneOf(key, value, List.of("mean", "max", "min")).toUpperCase(Locale.ROOT));
  }
}

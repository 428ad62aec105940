package ad.models.baseline;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a kNN row's score is made of: the option {@code score} of {@link KnnOptions}. */
public enum KnnScore {
  /** The distance to the k-th nearest training row (Ramaswamy, Rastogi and Shim 2000). */
  LARGEST,
  /** The mean distance to the k nearest training rows (Angiulli and Pizzuti 2002, divided by k). */
  MEAN;

  /** The name in YAML and in saved options. */
  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

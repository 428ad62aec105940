package ad.models.ensemble;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How an ensemble turns its members' standardised scores of a row into one score. */
public enum Combine {
  /** The mean: every member counts; the default. */
  MEAN,
  /** The median: one member that misjudges a row cannot move its score far. */
  MEDIAN;

  /** The combination of the first {@code n} values of {@code z}, which it may reorder. */
  double of(double[] z, int n) {
    if (this == MEAN) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += z[i];
      }
      return sum / n;
    }
    Arrays.sort(z, 0, n);
    return n % 2 == 1 ? z[n / 2] : 0.5 * (z[n / 2 - 1] + z[n / 2]);
  }

  /** The name in YAML and in saved options. */
  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

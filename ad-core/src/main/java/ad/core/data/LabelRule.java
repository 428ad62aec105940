package ad.core.data;

import ad.core.registry.OptionException;
import java.util.List;

/**
 * Which values of the label column mean "anomalous": either the listed {@code anomaly_values} (every
 * other value is normal) or everything but the listed {@code normal_values}. Values compare as
 * exact strings.
 *
 * <p>With neither given the rule is {@code anomaly_values: ["1"]} and strict: a value other than
 * {@code 0} or {@code 1} is an error, so that a label column holding {@code 1.0} or {@code yes} is not
 * silently read as all-normal.
 */
public record LabelRule(List<String> anomalyValues, List<String> normalValues) {
  private static final List<String> BINARY = List.of("0", "1");

  public LabelRule {
    if (anomalyValues != null && normalValues != null) {
      throw new OptionException("normal_values", "cannot be combined with anomaly_values: give one");
    }
    if (anomalyValues != null) {
      anomalyValues = nonEmpty("anomaly_values", anomalyValues);
    }
    if (normalValues != null) {
      normalValues = nonEmpty("normal_values", normalValues);
    }
  }

  /** True for the default 0/1 rule. */
  public boolean isDefault() {
    return anomalyValues == null && normalValues == null;
  }

  /**
   * Whether {@code value} means anomalous.
   *
   * @return null when the default rule meets a value other than 0 or 1
   */
  public Boolean isAnomaly(String value) {
    if (isDefault()) {
      return BINARY.contains(value) ? value.equals("1") : null;
    }
    return anomalyValues != null ? anomalyValues.contains(value) : !normalValues.contains(value);
  }

  /** What the rule expects, for messages. */
  public String describe() {
    if (isDefault()) {
      return "0 (normal) or 1 (anomaly)";
    }
    return anomalyValues != null ? "anomaly_values " + anomalyValues : "normal_values " + normalValues;
  }

  private static List<String> nonEmpty(String field, List<String> values) {
    if (values.isEmpty() || values.stream().anyMatch(v -> v == null)) {
      throw new OptionException(field, "must be a non-empty list of values");
    }
    return List.copyOf(values);
  }
}

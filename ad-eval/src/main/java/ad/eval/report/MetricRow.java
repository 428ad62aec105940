package ad.eval.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One result row: the metrics of one detector on one dataset with one seed. A metric that is missing
 * or NaN (a failed cell, ROC AUC without anomalies) is left out of the mean and counted as missing.
 *
 * @param metrics metric key to value, e.g. {@code roc_auc -> 0.93}
 * @param flags what to doubt, by metric key (a ROC AUC below chance under {@code roc_auc}), or under
 *     {@link #WHOLE_ROW} for the row as a whole (a failed cell)
 */
public record MetricRow(String dataset, String detector, long seed, Map<String, Double> metrics,
    Map<String, List<Flag>> flags) {
  /** The key of flags that concern the whole row rather than one metric. */
  public static final String WHOLE_ROW = "";

  public MetricRow {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(detector, "detector");
    // Not Map.copyOf: it refuses null values, which callers may use for "missing".
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    Map<String, List<Flag>> copy = new LinkedHashMap<>();
    flags.forEach((key, list) -> copy.put(key, List.copyOf(list)));
    flags = Collections.unmodifiableMap(copy);
  }

  /** A row without flags. */
  public MetricRow(String dataset, String detector, long seed, Map<String, Double> metrics) {
    this(dataset, detector, seed, metrics, Map.of());
  }

  /** The value of {@code key}, or NaN when missing. */
  public double value(String key) {
    Double v = metrics.get(key);
    return v == null ? Double.NaN : v;
  }
}

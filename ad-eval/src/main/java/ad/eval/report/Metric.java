package ad.eval.report;

import java.util.Objects;

/**
 * A column of the summary table.
 *
 * @param key the key in {@link MetricRow#metrics()}, e.g. {@code roc_auc}
 * @param label the column heading, e.g. {@code ROC AUC}
 * @param better which way is better, deciding the bold value of each dataset
 * @param decimals digits after the point
 */
public record Metric(String key, String label, Better better, int decimals) {

  /** Which values win. */
  public enum Better {
    HIGHER, LOWER,
    /** Not a score (a timing, a count): nothing is bold. */
    NONE
  }

  public Metric {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(better, "better");
    if (decimals < 0 || decimals > 10) {
      throw new IllegalArgumentException("decimals must be in [0, 10], got " + decimals);
    }
  }

  /** A score in [0, 1] where higher is better, shown with 3 decimals. */
  public static Metric score(String key, String label) {
    return new Metric(key, label, Better.HIGHER, 3);
  }
}

package ad.eval.chart;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One precision-recall curve to draw, as {@link ad.eval.metrics.PrCurve} gives it: one point per cut,
 * recall non-decreasing; and the average precision for the legend.
 *
 * @param name the legend name, e.g. the detector's
 * @param recall recall at each cut, in [0, 1] (NaN points, as with no anomalies, are left out)
 * @param precision precision at each cut, in [0, 1]
 * @param averagePrecision the AP in [0, 1], or NaN when undefined
 */
public record PrSeries(String name, double[] recall, double[] precision, double averagePrecision) {

  public PrSeries {
    Objects.requireNonNull(name, "name");
    if (recall.length != precision.length) {
      throw new IllegalArgumentException("PR '" + name + "': recall and precision differ in length: "
          + recall.length + " vs " + precision.length);
    }
    recall = recall.clone();
    precision = precision.clone();
  }

  @Override
  public double[] recall() {
    return recall.clone();
  }

  @Override
  public double[] precision() {
    return precision.clone();
  }

  /** The legend entry, e.g. {@code autoencoder (AP 0.812)}. */
  public String label() {
    return name + " (AP " + (Double.isNaN(averagePrecision) ? "n/a"
        : String.format(Locale.ROOT, "%.3f", averagePrecision)) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrSeries p && name.equals(p.name) && Arrays.equals(recall, p.recall)
        && Arrays.equals(precision, p.precision) && Double.compare(averagePrecision, p.averagePrecision) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(recall), Arrays.hashCode(precision), averagePrecision);
  }

  @Override
  public String toString() {
    return "PrSeries[" + label() + ", " + recall.length + " points]";
  }
}

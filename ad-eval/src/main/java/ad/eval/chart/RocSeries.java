package ad.eval.chart;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One ROC curve to draw: operating points in the order they are to be joined (usually from (0, 0) to
 * (1, 1)), and the area under the curve for the legend.
 *
 * @param name the legend name, e.g. the detector's
 * @param fpr false positive rates in {@code [0, 1]}
 * @param tpr true positive rates in {@code [0, 1]}, one per false positive rate
 * @param auc the area under the curve in {@code [0, 1]}, or NaN when undefined (one class missing)
 */
public record RocSeries(String name, double[] fpr, double[] tpr, double auc) {

  public RocSeries {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fpr, "fpr");
    Objects.requireNonNull(tpr, "tpr");
    if (fpr.length != tpr.length) {
      throw new IllegalArgumentException(
          "ROC '" + name + "': fpr and tpr differ in length: " + fpr.length + " vs " + tpr.length);
    }
    if (fpr.length == 0) {
      throw new IllegalArgumentException("ROC '" + name + "' has no points");
    }
    requireRates(name, "fpr", fpr);
    requireRates(name, "tpr", tpr);
    if (!Double.isNaN(auc) && !(auc >= 0 && auc <= 1)) {
      throw new IllegalArgumentException("ROC '" + name + "': AUC " + auc + " is outside [0, 1]");
    }
    fpr = fpr.clone();
    tpr = tpr.clone();
  }

  /** A copy of the false positive rates. */
  @Override
  public double[] fpr() {
    return fpr.clone();
  }

  /** A copy of the true positive rates. */
  @Override
  public double[] tpr() {
    return tpr.clone();
  }

  /** The legend entry, e.g. {@code autoencoder (AUC 0.973)}. */
  public String label() {
    return name + " (AUC " + (Double.isNaN(auc) ? "n/a" : String.format(Locale.ROOT, "%.3f", auc)) + ")";
  }

  private static void requireRates(String name, String what, double[] rates) {
    for (int i = 0; i < rates.length; i++) {
      if (!(rates[i] >= 0 && rates[i] <= 1)) {
        throw new IllegalArgumentException(
            "ROC '" + name + "': " + what + "[" + i + "] = " + rates[i] + " is outside [0, 1]");
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RocSeries r && name.equals(r.name) && Arrays.equals(fpr, r.fpr)
        && Arrays.equals(tpr, r.tpr) && Double.compare(auc, r.auc) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(fpr), Arrays.hashCode(tpr), auc);
  }

  @Override
  public String toString() {
    return "RocSeries[" + label() + ", " + fpr.length + " points]";
  }
}

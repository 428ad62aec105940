package ad.eval.cell;

import ad.core.Threshold;
import java.util.List;

/**
 * What a cell's own charts show: the histogram of its test scores with each thresholder's threshold,
 * and its ROC curve. Data only; {@code ad.eval.output} draws it.
 *
 * @param detector the detector's name, the ROC curve's legend
 * @param roc null when undefined (a single-class test set) or when no thresholder worked
 */
public record CellCharts(String detector, boolean[] labels, double[] scores, List<Histogram> histograms, Roc roc) {

  public CellCharts {
    histograms = List.copyOf(histograms);
  }

  /** One histogram: file {@code charts/scores-<label>.png}. */
  public record Histogram(String label, String title, Threshold threshold) {}

  /** The ROC curve: file {@code charts/roc-<label>.png}. */
  public record Roc(String label, String title, double auc) {}
}

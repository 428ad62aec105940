package ad.eval.run;

import ad.core.Threshold;
import ad.eval.chart.RocChart;
import ad.eval.chart.RocSeries;
import ad.eval.chart.ScoreHistogramChart;
import ad.eval.metrics.RocCurve;
import java.nio.file.Path;

/** The charts of one cell: test-score histogram with the threshold, and the ROC curve. */
final class CellCharts {
  private final Path directory;
  private final ChartOutput output;

  CellCharts(Path directory, ChartOutput output) {
    this.directory = directory;
    this.output = output;
  }

  /**
   * @param histogramLabel file label of the histogram (one per thresholder)
   * @param rocAuc NaN to skip the ROC chart (undefined, or already written for this cell)
   * @param rocLabel file label of the ROC chart (one per cell)
   */
  void write(String histogramLabel, String title, String detector, boolean[] labels, double[] scores,
      Threshold threshold, double rocAuc, String rocLabel) {
    output.write(ScoreHistogramChart.create("Test scores: " + title, scores, labels, threshold),
        directory.resolve("scores-" + histogramLabel + ".png"));
    if (!Double.isNaN(rocAuc)) {
      RocCurve roc = RocCurve.of(labels, scores);
      output.write(RocChart.create("ROC: " + title,
          new RocSeries(detector, roc.fpr(), roc.tpr(), rocAuc)), directory.resolve("roc-" + rocLabel + ".png"));
    }
  }
}

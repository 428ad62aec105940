package ad.eval.run;

import ad.core.Threshold;
import ad.eval.chart.ChartFiles;
import ad.eval.chart.RocChart;
import ad.eval.chart.RocSeries;
import ad.eval.chart.ScoreHistogramChart;
import ad.eval.metrics.RocCurve;
import java.nio.file.Path;

/** The charts of one cell: test-score histogram with the threshold, and the ROC curve. */
final class CellCharts {
  private final Path directory;

  CellCharts(Path directory) {
    this.directory = directory;
  }

  void write(String cellName, String title, String detector, boolean[] labels, double[] scores,
      Threshold threshold, double rocAuc) {
    ChartFiles.writePng(ScoreHistogramChart.create("Test scores: " + title, scores, labels, threshold),
        directory.resolve("scores-" + cellName + ".png"));
    if (!Double.isNaN(rocAuc)) {
      RocCurve roc = RocCurve.of(labels, scores);
      ChartFiles.writePng(RocChart.create("ROC: " + title,
          new RocSeries(detector, roc.fpr(), roc.tpr(), rocAuc)), directory.resolve("roc-" + cellName + ".png"));
    }
  }
}

package ad.eval.output;

import ad.eval.cell.CellCharts;
import ad.eval.chart.RocChart;
import ad.eval.chart.RocSeries;
import ad.eval.chart.ScoreHistogramChart;
import ad.eval.metrics.RocCurve;
import java.nio.file.Path;

/** The charts of one cell: its test-score histogram with each threshold, and its ROC curve. */
final class CellChartFiles {
  private CellChartFiles() {}

  static void write(CellCharts charts, Path directory, ChartOutput output) {
    for (CellCharts.Histogram h : charts.histograms()) {
      output.write(ScoreHistogramChart.create("Test scores: " + h.title(), charts.scores(), charts.labels(),
          h.threshold()), directory.resolve("scores-" + h.label() + ".png"));
    }
    CellCharts.Roc roc = charts.roc();
    if (roc != null) {
      RocCurve curve = RocCurve.of(charts.labels(), charts.scores());
      output.write(RocChart.create("ROC: " + roc.title(),
          new RocSeries(charts.detector(), curve.fpr(), curve.tpr(), roc.auc())),
          directory.resolve("roc-" + roc.label() + ".png"));
    }
  }
}

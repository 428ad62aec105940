package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ad.eval.metrics.AveragePrecision;
import ad.eval.metrics.PrCurve;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PrChartTest {

  @TempDir Path dir;

  private static List<String> legend(XYChart chart) {
    return chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
  }

  @Test
  void overlaysCurvesWithTheirApAndTheNoSkillLine() throws IOException {
    boolean[] labels = {true, false, true, false, false, false, true, false};
    double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    PrCurve pr = PrCurve.of(labels, scores);
    double ap = AveragePrecision.of(labels, scores);
    XYChart chart = PrChart.create("PR", 3 / 8.0, List.of(
        new PrSeries("autoencoder", pr.recall(), pr.precision(), ap),
        new PrSeries("pca", new double[] {0.5, 1}, new double[] {0.5, 0.375}, 0.4375)));

    PngAssertions.assertDrawnPng(ChartFiles.writePng(chart, dir.resolve("pr.png")), PrChart.WIDTH, PrChart.HEIGHT);
    assertEquals(List.of(String.format(java.util.Locale.ROOT, "autoencoder (AP %.3f)", ap), "pca (AP 0.438)",
        "no skill (AP 0.375)"), legend(chart));
  }

  @Test
  void theStepsEncloseExactlyTheAveragePrecision() {
    boolean[] labels = {true, false, true, false, false, true, false, false, false, true};
    double[] scores = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    PrCurve pr = PrCurve.of(labels, scores);
    double[][] steps = PrChart.steps(pr.recall(), pr.precision());

    double area = 0;
    for (int i = 1; i < steps[0].length; i++) {
      area += (steps[0][i] - steps[0][i - 1]) * steps[1][i];
    }
    assertEquals(AveragePrecision.of(labels, scores), area, 1e-12);
  }

  @Test
  void skipsNanPointsAndDrawsDegenerateInputs() throws IOException {
    double[][] steps = PrChart.steps(new double[] {Double.NaN, 0.5, 1}, new double[] {1, 1, 0.5});
    assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, steps[0]);

    XYChart noAnomalies = PrChart.create("PR", 0, List.of(new PrSeries("ae", new double[] {Double.NaN},
        new double[] {0}, Double.NaN)));
    XYChart single = PrChart.create("PR", Double.NaN, List.of(new PrSeries("ae", new double[] {1},
        new double[] {0.2}, 0.2), new PrSeries("ae", new double[] {1}, new double[] {0.2}, 0.2)));
    XYChart empty = PrChart.create("PR", 0.1, List.of());

    for (XYChart chart : List.of(noAnomalies, single, empty)) {
      PngAssertions.assertDrawn(BitmapEncoder.getBufferedImage(chart));
    }
    assertEquals(List.of("no skill (AP 0.000)"), legend(noAnomalies));
    assertEquals(List.of("ae (AP 0.200)", "ae (AP 0.200) [2]"), legend(single));
  }
}

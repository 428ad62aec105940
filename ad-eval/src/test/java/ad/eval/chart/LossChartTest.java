package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class LossChartTest {

  @TempDir Path dir;

  private static List<String> legend(XYChart chart) {
    return chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
  }

  @Test
  void drawsBothLossesAndMarksTheKeptEpoch() throws IOException {
    XYChart chart = LossChart.create("Loss", new double[] {0.5, 0.3, 0.2, 0.15}, new double[] {0.6, 0.35, 0.3, 0.32},
        2);

    PngAssertions.assertDrawnPng(ChartFiles.writePng(chart, dir.resolve("loss.png")), LossChart.WIDTH,
        LossChart.HEIGHT);
    assertEquals(List.of("training", "validation", "kept: epoch 3 (0.3)"), legend(chart));
    assertFalse(chart.getStyler().isYAxisLogarithmic());
    assertEquals("Epoch", chart.getXAxisTitle());
  }

  @Test
  void switchesToALogAxisWhenLossesSpanDecades() {
    XYChart chart = LossChart.create("Loss", new double[] {10, 1, 0.1, 0.01}, new double[0], 3);

    assertTrue(chart.getStyler().isYAxisLogarithmic());
    assertEquals(List.of("training", "kept: epoch 4 (0.01)"), legend(chart));
  }

  @Test
  void degenerateHistoriesStillGiveAChart() throws IOException {
    List<XYChart> charts = List.of(
        LossChart.create("one epoch", new double[] {0.2}, new double[] {0.3}, 0),
        LossChart.create("diverged", new double[] {0.2, Double.NaN, Double.POSITIVE_INFINITY}, new double[0], -1),
        LossChart.create("all NaN", new double[] {Double.NaN}, new double[0], 0),
        LossChart.create("none", new double[0], new double[0], -1),
        LossChart.create("flat", new double[] {0.1, 0.1, 0.1}, new double[0], 7));
    for (XYChart chart : charts) {
      PngAssertions.assertDrawn(BitmapEncoder.getBufferedImage(chart));
    }
    assertEquals(List.of("training"), legend(charts.get(1)));
    assertEquals(List.of("training"), legend(charts.get(4)), "an epoch out of range is not marked");
  }
}

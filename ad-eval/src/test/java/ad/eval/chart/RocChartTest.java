package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class RocChartTest {

  @TempDir Path dir;

  private static final RocSeries GOOD = new RocSeries("autoencoder",
      new double[] {0, 0, 0.02, 0.1, 0.3, 1}, new double[] {0, 0.5, 0.8, 0.95, 0.99, 1}, 0.9731);
  private static final RocSeries FAIR = new RocSeries("PCA",
      new double[] {0, 0.1, 0.3, 0.6, 1}, new double[] {0, 0.4, 0.7, 0.9, 1}, 0.745);

  private static List<String> legend(XYChart chart) {
    return chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName)
        .toList();
  }

  @Test
  void writesAValidSquarePngWithAucsInTheLegend() throws IOException {
    XYChart chart = RocChart.create("ROC", GOOD, FAIR);

    Path png = ChartFiles.writePng(chart, dir.resolve("roc.png"));

    PngAssertions.assertDrawnPng(png, RocChart.WIDTH, RocChart.HEIGHT);
    assertEquals(List.of("autoencoder (AUC 0.973)", "PCA (AUC 0.745)", "chance (AUC 0.500)"), legend(chart));
    assertEquals(0.0, chart.getStyler().getXAxisMin());
    assertEquals(1.0, chart.getStyler().getXAxisMax());
    assertEquals("False positive rate", chart.getXAxisTitle());
    assertEquals("True positive rate", chart.getYAxisTitle());
  }

  @Test
  void degenerateCurvesStillGiveAChart() throws IOException {
    RocSeries point = new RocSeries("hard classifier", new double[] {0.2}, new double[] {0.7}, Double.NaN);
    RocSeries same = new RocSeries("PCA", new double[] {0, 1}, new double[] {0, 1}, 0.5);

    XYChart chart = RocChart.create("ROC", point, same, same);
    PngAssertions.assertDrawnPng(ChartFiles.writePng(chart, dir.resolve("a.png")), RocChart.WIDTH,
        RocChart.HEIGHT);
    PngAssertions.assertDrawnPng(ChartFiles.writePng(RocChart.create("none", List.of()), dir.resolve("b.png")),
        RocChart.WIDTH, RocChart.HEIGHT);

    assertEquals(List.of("hard classifier (AUC n/a)", "PCA (AUC 0.500)", "PCA (AUC 0.500) [2]",
        "chance (AUC 0.500)"), legend(chart));
  }

  @Test
  void straightRunsAreDrawnWithTheirEndsOnly() {
    double[][] thinned = RocChart.thinned(
        new double[] {0, 0, 0, 0, 0.25, 0.5, 0.5, 0.5, 1, 1},
        new double[] {0, 0.2, 0.4, 0.6, 0.6, 0.6, 0.8, 0.8, 0.9, 1});

    assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1, 1}, thinned[0]);
    assertArrayEquals(new double[] {0, 0.6, 0.6, 0.8, 0.9, 1}, thinned[1]);
  }

  @Test
  void aLargeCurveRendersQuickly() throws IOException {
    int n = 50_000;
    double[] fpr = new double[n];
    double[] tpr = new double[n];
    Random random = new Random(3);
    int negatives = 0;
    int positives = 0;
    for (int i = 1; i < n; i++) {
      // Anomalies more likely early in the ranking: a good detector's staircase.
      boolean anomalous = random.nextDouble() < 0.9 - 0.8 * i / n;
      negatives += anomalous ? 0 : 1;
      positives += anomalous ? 1 : 0;
      fpr[i] = negatives;
      tpr[i] = positives;
    }
    for (int i = 0; i < n; i++) {
      fpr[i] /= negatives;
      tpr[i] /= positives;
    }

    assertTrue(RocChart.thinned(fpr, tpr)[0].length <= 2 / RocChart.RESOLUTION + 2);
    // The thinning above is what keeps a large curve cheap to draw; no wall-clock bound is asserted
    // (it fails on a loaded machine without anything being wrong).
    Path png = ChartFiles.writePng(RocChart.create("big", new RocSeries("big", fpr, tpr, 0.8)),
        dir.resolve("big.png"));

    PngAssertions.assertDrawnPng(png, RocChart.WIDTH, RocChart.HEIGHT);
  }

  @Test
  void rocSeriesRejectsWhatCannotBeARocCurve() {
    double[] two = {0, 1};
    assertThrows(IllegalArgumentException.class, () -> new RocSeries("x", two, new double[] {0}, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new RocSeries("x", new double[0], new double[0], 0.5));
    assertThrows(IllegalArgumentException.class, () -> new RocSeries("x", new double[] {0, 1.2}, two, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new RocSeries("x", two, new double[] {Double.NaN, 1}, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new RocSeries("x", two, two, 1.01));
  }

  @Test
  void rocSeriesIsAValueWithItsOwnCopies() {
    double[] fpr = {0, 0.5, 1};
    RocSeries series = new RocSeries("x", fpr, new double[] {0, 0.8, 1}, 0.8);
    RocSeries equal = new RocSeries("x", fpr.clone(), new double[] {0, 0.8, 1}, 0.8);

    fpr[1] = 0.9;
    series.fpr()[2] = 0;

    assertEquals(0.5, series.fpr()[1]);
    assertEquals(1.0, series.fpr()[2]);
    assertNotEquals(series, new RocSeries("x", fpr, new double[] {0, 0.8, 1}, 0.8));
    assertEquals(equal, series);
    assertEquals(equal.hashCode(), series.hashCode());
  }
}

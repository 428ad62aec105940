package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapChartTest {

  @TempDir Path dir;

  @Test
  void drawsATableOfCellsDeterministically() throws IOException {
    HeatmapChart chart = HeatmapChart.rocAuc("ROC AUC", List.of("thyroid", "mnist"),
        List.of("dense_ae", "isolation_forest", "pca"), new double[][] {{0.95, 0.93, 0.9}, {0.97, Double.NaN, 0.8}});

    Path first = ChartFiles.writePng(chart, dir.resolve("a.png"));
    Path second = ChartFiles.writePng(chart, dir.resolve("b.png"));

    PngAssertions.assertDrawnPng(first, chart.width(), chart.height());
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }

  @Test
  void oneCellLongNamesAndAllNanStillDraw() throws IOException {
    List<HeatmapChart> charts = List.of(
        HeatmapChart.rocAuc("one", List.of("d"), List.of("a"), new double[][] {{0.7}}),
        HeatmapChart.rocAuc("nan", List.of("d"), List.of("a", "b"), new double[][] {{Double.NaN, Double.NaN}}),
        HeatmapChart.rocAuc("long", List.of("a dataset with a very long name indeed, longer than any column"),
            List.of("a detector with a very long name indeed"), new double[][] {{0.2}}),
        HeatmapChart.rocAuc("empty", List.of(), List.of(), new double[0][]));
    for (HeatmapChart chart : charts) {
      PngAssertions.assertDrawn(ChartFiles.toImage(chart));
    }
    // Sized for the longest label: nothing is cut.
    assertTrue(charts.get(2).width() > Canvas.width(Canvas.LABEL, "a dataset with a very long name indeed, "
        + "longer than any column"), "the chart is as wide as its longest row label");
  }

  @Test
  void eachRowLabelNamesItsBestColumns() {
    List<String> columns = List.of("mean_std", "iqr", "best_f1 (oracle)");
    assertEquals("cardio (best: best_f1 (oracle))",
        HeatmapChart.rowLabel("cardio", columns, new double[] {0.5, 0.6, 0.8}, true));
    assertEquals("thyroid (best: mean_std, iqr)",
        HeatmapChart.rowLabel("thyroid", columns, new double[] {0.7, 0.7, Double.NaN}, true));
    assertEquals("satellite (best: iqr)",
        HeatmapChart.rowLabel("satellite", columns, new double[] {0.7, 0.2, 0.9}, false));
    assertEquals("nab", HeatmapChart.rowLabel("nab", columns, new double[] {Double.NaN, Double.NaN, Double.NaN},
        true));
    assertEquals("kdd (all equal)", HeatmapChart.rowLabel("kdd", columns, new double[] {1, 1, 1}, true));
  }

  @Test
  void rejectsValuesThatDoNotMatchTheNames() {
    assertThrows(IllegalArgumentException.class,
        () -> HeatmapChart.rocAuc("x", List.of("d"), List.of("a", "b"), new double[][] {{0.5}}));
    assertThrows(IllegalArgumentException.class,
        () -> HeatmapChart.rocAuc("x", List.of("d", "e"), List.of("a"), new double[][] {{0.5}}));
    assertThrows(IllegalArgumentException.class,
        () -> new HeatmapChart("x", List.of("d"), List.of("a"), new double[][] {{0.5}}, 1, 1, true));
  }
}

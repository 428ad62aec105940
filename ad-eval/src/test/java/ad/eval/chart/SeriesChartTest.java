package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.eval.chart.SeriesChart.Channel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYSeries;

class SeriesChartTest {

  @TempDir Path dir;

  @Test
  void labelledRunsBecomeWindowsHalfAStepWide() {
    double[] t = {0, 1, 2, 3, 4, 5};
    boolean[] labels = {false, true, true, false, false, true};

    List<double[]> windows = SeriesChart.windows(t, labels);

    assertEquals(2, windows.size());
    assertArrayEquals(new double[] {0.5, 2.5}, windows.get(0));
    assertArrayEquals(new double[] {4.5, 5.5}, windows.get(1));
  }

  @Test
  void longSeriesAreReducedKeepingTheirSpikes() {
    int n = 30_000;
    double[] t = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
      v[i] = Math.sin(i / 100.0);
    }
    v[14_321] = 50;
    v[14_322] = Double.NaN;

    double[][] reduced = SeriesChart.reduce(t, v);

    assertTrue(reduced[0].length <= 2 * SeriesChart.WIDTH + 2, "points: " + reduced[0].length);
    assertEquals(50, Arrays.stream(reduced[1]).max().orElseThrow());
    assertTrue(Arrays.stream(reduced[1]).allMatch(Double::isFinite));
    for (int i = 1; i < reduced[0].length; i++) {
      assertTrue(reduced[0][i] > reduced[0][i - 1], "time order");
    }
  }

  @Test
  void drawsSignalScoreThresholdAndWindows() throws IOException {
    int n = 500;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] scores = new double[n];
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      a[i] = Math.sin(i / 10.0);
      b[i] = Math.cos(i / 7.0) * 3;
      labels[i] = i >= 200 && i < 240;
      scores[i] = i < 20 ? Double.NaN : labels[i] ? 1 : 0.1;
    }
    SeriesChart chart = new SeriesChart("series", null, List.of(new Channel("a", a), new Channel("b", b)), scores,
        0.5, labels);

    PngAssertions.assertDrawnPng(ChartFiles.writePng(chart, dir.resolve("s.png")), SeriesChart.WIDTH,
        SeriesChart.SIGNAL_HEIGHT + SeriesChart.SCORE_HEIGHT);
    assertEquals(List.of("labelled anomaly", "a", "b"), legend(chart.signalChart()));
    assertEquals(List.of("labelled anomaly", "score", "threshold 0.5"), legend(chart.scoreChart()));
  }

  @Test
  void degenerateSeriesStillDraw() throws IOException {
    List<SeriesChart> charts = List.of(
        new SeriesChart("empty", null, List.of(), new double[0], Double.NaN, null),
        new SeriesChart("one step", new double[] {5}, List.of(new Channel("x", new double[] {1})),
            new double[] {Double.NaN}, 0.3, new boolean[] {true}),
        new SeriesChart("flat", null, List.of(new Channel("x", new double[] {2, 2, 2})), new double[] {1, 1, 1},
            Double.NaN, new boolean[3]));
    for (SeriesChart chart : charts) {
      PngAssertions.assertDrawn(ChartFiles.toImage(chart));
    }
    assertThrows(IllegalArgumentException.class, () -> new SeriesChart("bad", null,
        List.of(new Channel("x", new double[2])), new double[3], 0, null));
  }

  private static List<String> legend(org.knowm.xchart.XYChart chart) {
    return chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
  }
}

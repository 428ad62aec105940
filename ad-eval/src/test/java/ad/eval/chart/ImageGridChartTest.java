package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ad.eval.chart.ImageGridChart.ImageRow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridChartTest {

  @TempDir Path dir;

  @Test
  void picksTheHighestScoresWithTiesByIndexAndNanLast() {
    double[] scores = {0.1, Double.NaN, 0.9, 0.5, 0.9, 0.2};

    assertArrayEquals(new int[] {2, 4, 3}, ImageGridChart.mostAnomalous(scores, 3));
    assertArrayEquals(new int[] {2, 4, 3, 5, 0, 1}, ImageGridChart.mostAnomalous(scores, 10));
    assertArrayEquals(new int[0], ImageGridChart.mostAnomalous(scores, 0));
  }

  @Test
  void drawsOriginalReconstructionAndErrorMap() throws IOException {
    float[] original = new float[16];
    float[] reconstruction = new float[16];
    original[5] = 1;  // one bright pixel the model missed
    ImageGridChart chart = new ImageGridChart("grid", 4, 4, 1, List.of(new ImageRow("#1", original, reconstruction)));

    BufferedImage image = PngAssertions.assertDrawnPng(ChartFiles.writePng(chart, dir.resolve("g.png")),
        chart.width(), chart.height());

    // 4 x 4 pixels scaled 30x: the error map's cell of pixel (1, 1) is bright, a cell of no error black.
    int scale = 120 / 4;
    int errorLeft = 16 + 190 + 2 * (120 + 12);
    int top = 16 + 30 + 28;
    int bright = image.getRGB(errorLeft + scale + scale / 2, top + scale + scale / 2);
    int dark = image.getRGB(errorLeft + 3 * scale + scale / 2, top + scale / 2);
    assertEquals(0x000004, dark & 0xFFFFFF);
    assertNotEquals(dark, bright);
  }

  @Test
  void rgbOutOfRangeNanAndEmptyInputsDraw() throws IOException {
    float[] rgb = new float[3 * 3 * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = i * 10 - 50;  // outside [0, 1]: stretched
    }
    float[] withNan = rgb.clone();
    withNan[4] = Float.NaN;
    List<ImageGridChart> charts = List.of(
        new ImageGridChart("rgb", 3, 3, 3, List.of(new ImageRow("a", rgb, withNan))),
        new ImageGridChart("empty", 28, 28, 1, List.of()),
        new ImageGridChart("large", 150, 100, 1, List.of(new ImageRow("big", new float[15000], new float[15000]))));
    for (ImageGridChart chart : charts) {
      PngAssertions.assertDrawn(ChartFiles.toImage(chart));
    }
    assertThrows(IllegalArgumentException.class,
        () -> new ImageGridChart("bad", 4, 4, 1, List.of(new ImageRow("x", new float[15], new float[15]))));
    assertThrows(IllegalArgumentException.class, () -> new ImageGridChart("bad", 4, 4, 2, List.of()));
  }
}

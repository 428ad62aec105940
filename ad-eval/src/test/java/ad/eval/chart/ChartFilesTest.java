package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartFilesTest {

  @TempDir Path dir;

  private static XYChart chart() {
    return RocChart.create("ROC", new RocSeries("model", new double[] {0, 0.1, 0.4, 1},
        new double[] {0, 0.7, 0.9, 1}, 0.87));
  }

  private static List<Path> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }

  @Test
  void writesAValidPngCreatingParentDirectories() throws IOException {
    Path png = dir.resolve("a/b/roc.png");

    assertEquals(png, ChartFiles.writePng(chart(), png));

    PngAssertions.assertDrawnPng(png, RocChart.WIDTH, RocChart.HEIGHT);
    assertEquals(List.of(png), listing(png.getParent()), "no temporary file may be left behind");
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
    Path png = dir.resolve("roc.png");
    Files.writeString(png, "not a png");

    ChartFiles.writePng(chart(), png);

    PngAssertions.assertDrawnPng(png, RocChart.WIDTH, RocChart.HEIGHT);
    assertEquals(List.of(png), listing(dir));
  }

  @Test
  void aFailedMoveRemovesTheTemporaryFile() throws IOException {
    // A non-empty directory cannot be replaced by a file, so the final move fails.
    Path target = dir.resolve("taken.png");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep"), "x");

    assertThrows(ad.core.UserException.class, () -> ChartFiles.writePng(chart(), target));

    assertEquals(List.of(target), listing(dir));
  }

  @Test
  void theSameChartGivesTheSameBytes() throws IOException {
    Path first = ChartFiles.writePng(chart(), dir.resolve("1.png"));
    Path second = ChartFiles.writePng(chart(), dir.resolve("2.png"));

    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }
}

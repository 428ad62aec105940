package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartFormatsTest {

  @TempDir Path dir;

  private static final Drawing CD = new CriticalDifferenceChart("CD", List.of("a", "b"), new double[] {1.2, 1.8}, 1);

  @Test
  void drawingsGiveTheSamePngBytesEveryTime() throws IOException {
    Path file = ChartFiles.write(CD, dir.resolve("cd.png"), ChartFiles.Format.PNG);

    assertArrayEquals(Files.readAllBytes(file), ChartFiles.toPngBytes(CD));
    assertEquals(CD.width(), ImageIO.read(file.toFile()).getWidth());
    assertEquals("svg", ChartFiles.Format.SVG.extension());
  }

  @Test
  void chartsAndDrawingsAreWrittenAsSvg() throws IOException {
    Path svg = dir.resolve("roc.svg");
    ChartFiles.write(RocChart.create("ROC", List.of()), svg, ChartFiles.Format.SVG);
    ChartFiles.writeSvg(CD, dir.resolve("cd.svg"));
    String roc = Files.readString(svg);
    assertTrue(roc.contains("<svg") && roc.contains("<path"), roc.substring(0, Math.min(300, roc.length())));
    assertTrue(Files.readString(dir.resolve("cd.svg")).contains("<svg"));
  }
}

package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriticalDifferenceChartTest {

  @TempDir Path dir;

  @Test
  void joinsTheMaximalGroupsWithinTheCriticalDifference() throws IOException {
    // Sorted ranks: a 1.2, b 1.9, c 2.4, d 3.5, e 4.0; CD 1.0 joins {a, b}, {b, c}, {d, e}.
    CriticalDifferenceChart chart = new CriticalDifferenceChart("CD", List.of("c", "a", "e", "b", "d"),
        new double[] {2.4, 1.2, 4.0, 1.9, 3.5}, 1.0);

    List<int[]> cliques = chart.cliques();

    assertEquals(3, cliques.size());
    assertArrayEquals(new int[] {0, 1}, cliques.get(0));
    assertArrayEquals(new int[] {1, 2}, cliques.get(1));
    assertArrayEquals(new int[] {3, 4}, cliques.get(2));
    PngAssertions.assertDrawnPng(ChartFiles.writePng(chart, dir.resolve("cd.png")), chart.width(), chart.height());
  }

  @Test
  void aLargeCriticalDifferenceMakesOneGroupAndNoneAddsNothing() {
    List<String> names = List.of("a", "b", "c");
    double[] ranks = {1.5, 2.0, 2.5};

    assertEquals(1, new CriticalDifferenceChart("", names, ranks, 5).cliques().size());
    assertEquals(0, new CriticalDifferenceChart("", names, ranks, 0.1).cliques().size());
    assertEquals(0, new CriticalDifferenceChart("", names, ranks, Double.NaN).cliques().size());
  }

  @Test
  void degenerateInputsStillDraw() throws IOException {
    List<CriticalDifferenceChart> charts = List.of(
        new CriticalDifferenceChart("one", List.of("only"), new double[] {1}, Double.NaN),
        new CriticalDifferenceChart("nan", List.of("a", "b", "c"), new double[] {1.5, Double.NaN, 1.5}, 0.8),
        new CriticalDifferenceChart("none", List.of(), new double[0], 1));
    for (CriticalDifferenceChart chart : charts) {
      PngAssertions.assertDrawn(ChartFiles.toImage(chart));
    }
    assertEquals(1, charts.get(1).cliques().size(), "the two ranked detectors tie");
    assertThrows(IllegalArgumentException.class,
        () -> new CriticalDifferenceChart("", List.of("a"), new double[] {1, 2}, 1));
  }
}

package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.eval.chart.ScoreHistogramChart.XRange;
import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void binsAreHalfOpenExceptTheLastAndOutsideValuesAreNotCounted() {
    double[] edges = Histogram.linearEdges(0, 1, 4);

    long[] counts = Histogram.count(new double[] {0, 0.25, 0.3, 0.74, 0.75, 1, 1.01, -0.1}, edges);

    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, edges);
    assertArrayEquals(new long[] {1, 2, 1, 2}, counts);
  }

  @Test
  void logEdgesAreGeometric() {
    double[] edges = Histogram.logEdges(0.001, 10, 4);

    assertEquals(0.001, edges[0]);
    assertEquals(0.01, edges[1], 1e-12);
    assertEquals(10, edges[4]);
  }

  @Test
  void theOutlineClosesToZeroAtBothEnds() {
    double[][] outline = Histogram.outline(new double[] {0, 1, 2}, new double[] {3, 5});

    assertArrayEquals(new double[] {0, 0, 1, 1, 2, 2}, outline[0]);
    assertArrayEquals(new double[] {0, 3, 3, 5, 5, 0}, outline[1]);
  }

  @Test
  void quantileInterpolates() {
    double[] sorted = {0, 1, 2, 3, 4};

    assertEquals(2, Histogram.quantile(sorted, 0.5));
    assertEquals(3.96, Histogram.quantile(sorted, 0.99), 1e-12);
    assertEquals(4, Histogram.quantile(sorted, 1));
  }

  @Test
  void clippingStopsAtTheLargerOfQuantileAndThreshold() {
    double[] sorted = new double[1000];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = i;
    }

    Binning atQuantile = Binning.of(sorted, 100, 10, XRange.CLIPPED, 0.9);
    Binning atThreshold = Binning.of(sorted, 950, 10, XRange.CLIPPED, 0.9);
    Binning full = Binning.of(sorted, 100, 10, XRange.FULL, 0.9);

    assertEquals(899.1, atQuantile.edges()[10], 1e-9);
    assertEquals(950, atThreshold.edges()[10]);
    assertEquals(999, full.edges()[10]);
    assertEquals("", full.hidden());
  }

  @Test
  void equalScoresGetOneBinBesideTheThreshold() {
    Binning b = Binning.of(new double[] {2, 2, 2}, 2.05, 50, XRange.CLIPPED, 0.995);

    assertEquals(2, b.edges().length);
    assertTrue(b.edges()[0] < 2 && b.edges()[1] > 2 && b.edges()[1] < 2.05);
    assertTrue(b.axisMax() > 2.05);
  }

  @Test
  void numbersAreShortAndLocaleIndependent() {
    assertEquals("0.02134", ChartNumbers.format(0.021337));
    assertEquals("5e-6", ChartNumbers.format(5e-6));
    assertEquals("1.5e-4", ChartNumbers.format(1.5e-4));
    assertEquals("2.4e7", ChartNumbers.format(2.4e7));
    assertEquals("0", ChartNumbers.format(0));
    assertEquals("99.5%", ChartNumbers.percent(0.995));
    assertEquals("0.3", ChartNumbers.tickFormatter(0, 1).apply(0.30000000000000004));
    assertEquals("2e-5", ChartNumbers.tickFormatter(0, 2e-4).apply(2e-5));
    assertTrue(ChartNumbers.isOneTwoFive(0.05));
    assertTrue(!ChartNumbers.isOneTwoFive(0.03));
  }
}

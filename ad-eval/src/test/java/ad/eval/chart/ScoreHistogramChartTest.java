package ad.eval.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Threshold;
import ad.eval.chart.ScoreHistogramChart.Options;
import ad.eval.chart.ScoreHistogramChart.XRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ScoreHistogramChartTest {

  private static final Threshold THRESHOLD = new Threshold(0.0213, "mean + 3.0 * std");

  @TempDir Path dir;

  /** 950 normal rows with small log-normal errors, 50 anomalous ones with larger errors and a heavy tail. */
  private record Sample(double[] scores, boolean[] labels) {

    static Sample realistic() {
      Random random = new Random(42);
      double[] scores = new double[1000];
      boolean[] labels = new boolean[1000];
      for (int i = 0; i < scores.length; i++) {
        labels[i] = i >= 950;
        scores[i] = labels[i] ? Math.exp(Math.log(0.06) + 1.0 * random.nextGaussian())
            : Math.exp(Math.log(0.01) + 0.4 * random.nextGaussian());
      }
      return new Sample(scores, labels);
    }
  }

  private static List<String> legend(XYChart chart) {
    return chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName)
        .toList();
  }

  @Test
  void writesAValidPngWithBothClassesAndTheThresholdInTheLegend() throws IOException {
    Sample s = Sample.realistic();
    XYChart chart = ScoreHistogramChart.create("Test scores", s.scores(), s.labels(), THRESHOLD);

    Path png = ChartFiles.writePng(chart, dir.resolve("histogram.png"));

    PngAssertions.assertDrawnPng(png, ScoreHistogramChart.WIDTH, ScoreHistogramChart.HEIGHT);
    assertEquals(List.of("normal (n = 950)", "anomalous (n = 50)", "threshold 0.0213 (mean + 3.0 * std)"),
        legend(chart));
  }

  @Test
  void clipsAHeavyTailAtTheQuantileAndSaysHowManyScoresAreBeyond() {
    Sample s = Sample.realistic();
    double[] sorted = s.scores().clone();
    Arrays.sort(sorted);
    double cut = Histogram.quantile(sorted, 0.995);
    long beyond = Arrays.stream(sorted).filter(v -> v > cut).count();
    long beyondAnomalous = 0;
    for (int i = 0; i < s.scores().length; i++) {
      beyondAnomalous += s.scores()[i] > cut && s.labels()[i] ? 1 : 0;
    }

    String title = ScoreHistogramChart.create("t", s.scores(), s.labels(), THRESHOLD).getXAxisTitle();

    assertTrue(beyond > 0);
    assertTrue(title.contains("not shown: " + beyond + " scores above " + ChartNumbers.format(cut)
        + " (the 99.5% quantile), " + beyondAnomalous + " anomalous"), title);
  }

  /** Reconstruction errors as a tabular autoencoder gives them: a bulk near 1e-3, a tail to 1. */
  private static Sample spanningDecades() {
    Random random = new Random(7);
    double[] scores = new double[2000];
    boolean[] labels = new boolean[2000];
    for (int i = 0; i < scores.length; i++) {
      labels[i] = i >= 1900;
      scores[i] = labels[i] ? Math.exp(Math.log(0.05) + 1.2 * random.nextGaussian())
          : Math.exp(Math.log(0.002) + 0.9 * random.nextGaussian());
    }
    return new Sample(scores, labels);
  }

  @Test
  void scoresSpanningDecadesGetALogAxisThatSaysSo() {
    Sample s = spanningDecades();
    Threshold threshold = new Threshold(0.02, "mean + 3.0 * std");

    XYChart chart = ScoreHistogramChart.create("t", s.scores(), s.labels(), threshold);

    assertTrue(chart.getStyler().isXAxisLogarithmic());
    assertTrue(chart.getXAxisTitle().startsWith("Anomaly score (log scale: the scores span "),
        chart.getXAxisTitle());
    // The same scores on linear bins: most fall into one bar, which is what the log axis avoids.
    XYChart linear = ScoreHistogramChart.create("t", s.scores(), s.labels(), threshold,
        Options.defaults().withXRange(XRange.CLIPPED));
    assertFalse(linear.getStyler().isXAxisLogarithmic());
  }

  @Test
  void narrowOrSignedScoresStayLinear() {
    Random random = new Random(3);
    double[] narrow = new double[500];
    double[] signed = new double[500];
    boolean[] labels = new boolean[500];
    for (int i = 0; i < narrow.length; i++) {
      labels[i] = i >= 480;
      narrow[i] = 0.4 + 0.3 * random.nextDouble();
      // A log-normal bulk, but one score in ten is exactly 0: a log axis would hide them.
      signed[i] = i % 10 == 0 ? 0 : Math.exp(Math.log(0.002) + 1.5 * random.nextGaussian());
    }
    for (double[] scores : List.of(narrow, signed)) {
      XYChart chart = ScoreHistogramChart.create("t", scores, labels, new Threshold(0.6, "fixed"));
      assertFalse(chart.getStyler().isXAxisLogarithmic(), chart.getXAxisTitle());
      assertFalse(chart.getXAxisTitle().contains("log scale"), chart.getXAxisTitle());
    }
  }

  @Test
  void neverClipsBelowTheThreshold() {
    Sample s = Sample.realistic();
    Threshold high = new Threshold(0.5, "fixed");

    XYChart chart = ScoreHistogramChart.create("t", s.scores(), s.labels(), high,
        Options.defaults().withXRange(XRange.CLIPPED));
    // By default the bulk, crowded into the first bars by the distant threshold, gets a log axis.
    assertTrue(ScoreHistogramChart.create("t", s.scores(), s.labels(), high).getStyler().isXAxisLogarithmic());

    assertTrue(chart.getStyler().getXAxisMax() > 0.5);
    assertTrue(chart.getXAxisTitle().contains("above 0.5 (the threshold)"), chart.getXAxisTitle());
  }

  @Test
  void theFullRangeHidesNothing() {
    Sample s = Sample.realistic();

    XYChart chart = ScoreHistogramChart.create("t", s.scores(), s.labels(), THRESHOLD,
        Options.defaults().withXRange(XRange.FULL));

    assertEquals("Anomaly score", chart.getXAxisTitle());
  }

  @Test
  void theLogScaleRendersAndCountsScoresItCannotPlace() throws IOException {
    Sample s = Sample.realistic();
    double[] scores = s.scores();
    scores[0] = 0;
    scores[1] = -1;

    XYChart chart = ScoreHistogramChart.create("t", scores, s.labels(), THRESHOLD,
        Options.defaults().withXRange(XRange.LOG).withDensity(true));

    assertTrue(chart.getStyler().isXAxisLogarithmic());
    assertTrue(chart.getXAxisTitle().contains("2 scores \u2264 0, 0 anomalous"), chart.getXAxisTitle());
    PngAssertions.assertDrawnPng(ChartFiles.writePng(chart, dir.resolve("log.png")),
        ScoreHistogramChart.WIDTH, ScoreHistogramChart.HEIGHT);
  }

  static Stream<Arguments> degenerateInputs() {
    double[] equal = new double[40];
    Arrays.fill(equal, 0.25);
    boolean[] someAnomalous = new boolean[40];
    someAnomalous[3] = true;
    someAnomalous[7] = true;
    boolean[] allAnomalous = new boolean[40];
    Arrays.fill(allAnomalous, true);
    double[] spread = new double[40];
    for (int i = 0; i < spread.length; i++) {
      spread[i] = i / 40.0;
    }
    double[] broken = spread.clone();
    broken[1] = Double.NaN;
    broken[2] = Double.POSITIVE_INFINITY;
    double[] nonPositive = new double[40];
    Arrays.fill(nonPositive, -0.5);
    Options defaults = Options.defaults();
    Threshold t = new Threshold(0.3, "fixed");
    return Stream.of(
        Arguments.of("all scores equal", equal, someAnomalous, t, defaults),
        Arguments.of("all scores zero, and so is the threshold", new double[40], someAnomalous,
            new Threshold(0, "max"), defaults),
        Arguments.of("no anomalies", spread, new boolean[40], t, defaults),
        Arguments.of("no normals", spread, allAnomalous, t, defaults.withDensity(true)),
        Arguments.of("no scores", new double[0], new boolean[0], t, defaults),
        Arguments.of("NaN and infinite scores and threshold", broken, someAnomalous,
            new Threshold(Double.POSITIVE_INFINITY, "never"), defaults),
        Arguments.of("log scale without positive scores", nonPositive, someAnomalous, t,
            defaults.withXRange(XRange.LOG)),
        Arguments.of("log scale, threshold <= 0", spread, someAnomalous, new Threshold(-1, "x"),
            defaults.withXRange(XRange.LOG).withBins(1)),
        Arguments.of("one score", new double[] {3}, new boolean[] {true}, t, defaults));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("degenerateInputs")
  void degenerateInputsStillGiveAChart(String name, double[] scores, boolean[] labels, Threshold threshold,
      Options options) {
    XYChart chart = ScoreHistogramChart.create(name, scores, labels, threshold, options);

    // Rendered in memory: PNG encoding is covered above and would only slow these cases down.
    PngAssertions.assertDrawn(BitmapEncoder.getBufferedImage(chart));
    double min = chart.getStyler().getXAxisMin();
    double max = chart.getStyler().getXAxisMax();
    assertTrue(Double.isFinite(min) && Double.isFinite(max) && min < max, min + " .. " + max);
  }

  @Test
  void nonFiniteScoresAndAnOffAxisThresholdAreReported() {
    double[] scores = {0.1, 0.2, Double.NaN, 0.3, Double.NEGATIVE_INFINITY};
    boolean[] labels = {false, false, true, true, false};

    XYChart chart = ScoreHistogramChart.create("t", scores, labels,
        new Threshold(Double.POSITIVE_INFINITY, "never"));

    String title = chart.getXAxisTitle();
    assertTrue(title.contains("2 NaN/infinite scores"), title);
    assertTrue(title.contains("threshold +Infinity"), title);
    assertFalse(legend(chart).stream().anyMatch(n -> n.startsWith("threshold")));
    assertEquals(List.of("normal (n = 3)", "anomalous (n = 2)"), legend(chart));
  }

  @Test
  void rejectsInputsThatDoNotMatch() {
    assertThrows(IllegalArgumentException.class,
        () -> ScoreHistogramChart.create("t", new double[3], new boolean[2], THRESHOLD));
    assertThrows(IllegalArgumentException.class, () -> Options.defaults().withBins(0));
    assertThrows(IllegalArgumentException.class, () -> Options.defaults().withClipQuantile(0));
    assertThrows(IllegalArgumentException.class, () -> Options.defaults().withClipQuantile(1.5));
  }

  @Test
  void thresholdLabelOmitsABlankRule() {
    assertEquals("threshold 0.0213", ScoreHistogramChart.thresholdLabel(new Threshold(0.0213, " ")));
    assertEquals("threshold 5e-6 (q)", ScoreHistogramChart.thresholdLabel(new Threshold(5e-6, "q")));
  }
}

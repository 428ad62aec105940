package ad.eval.chart;

import ad.core.Threshold;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;

/**
 * The histogram of test scores, normal and anomalous rows as two overlaid translucent series on shared
 * bins, with the decision threshold as a vertical line: the figure that shows at a glance how well a
 * detector separates the classes and where the boundary cuts.
 *
 * <p>Reconstruction errors usually have a heavy right tail: a handful of huge scores would squeeze the
 * bulk of both classes into the first bar or two. By default ({@link XRange#AUTO}) the axis is
 * logarithmic when linear bins would crowd most scores into one bar and log bins spread them (see
 * {@link Binning#crowdedOnLinearBins}), and the axis title says so and over how many decades; otherwise it is linear and stops at the 99.5% quantile of all scores (or
 * at the threshold, if that is larger), the x axis title saying how many scores lie beyond and how
 * many of those are anomalous. NaN and infinite scores are left out and counted the same way.
 */
public final class ScoreHistogramChart {

  static {
    Headless.ensure();
  }

  public static final int WIDTH = 800;
  public static final int HEIGHT = 600;

  /** The span of the x axis. */
  public enum XRange {
    /**
     * {@link #LOG} when linear bins would squeeze most scores into one bar and log bins spread them
     * (scores spanning orders of magnitude), else {@link #CLIPPED}.
     */
    AUTO,
    /** Linear, up to the clip quantile of all scores or the threshold, whichever is larger. */
    CLIPPED,
    /** Linear, over every finite score. */
    FULL,
    /** Logarithmic with log-spaced bins; scores {@code <= 0} cannot be placed and are counted instead. */
    LOG
  }

  /**
   * @param bins the number of bins spanning the shown range (a single bin when all scores are equal)
   * @param density plot each class as a density (count / (class size * bin width), so each class has
   *     area one, less its share of scores not shown) rather than raw counts: compares the shapes of
   *     the two classes when anomalies are rare
   * @param xRange the span of the x axis
   * @param clipQuantile the quantile of all scores where {@link XRange#CLIPPED} stops, in {@code (0, 1]}
   */
  public record Options(int bins, boolean density, XRange xRange, double clipQuantile) {

    public Options {
      Objects.requireNonNull(xRange, "xRange");
      if (bins < 1) {
        throw new IllegalArgumentException("bins must be at least 1, got " + bins);
      }
      if (!(clipQuantile > 0 && clipQuantile <= 1)) {
        throw new IllegalArgumentException("clipQuantile must be in (0, 1], got " + clipQuantile);
      }
    }

    /** 50 bins of counts; logarithmic for scores spanning orders of magnitude, else clipped at 99.5%. */
    public static Options defaults() {
      return new Options(50, false, XRange.AUTO, 0.995);
    }

    public Options withBins(int bins) {
      return new Options(bins, density, xRange, clipQuantile);
    }

    public Options withDensity(boolean density) {
      return new Options(bins, density, xRange, clipQuantile);
    }

    public Options withXRange(XRange xRange) {
      return new Options(bins, density, xRange, clipQuantile);
    }

    public Options withClipQuantile(double clipQuantile) {
      return new Options(bins, density, xRange, clipQuantile);
    }
  }

  private static final Color NORMAL = ChartStyle.PALETTE[0];
  private static final Color ANOMALOUS = ChartStyle.PALETTE[1];
  // Translucent enough that the overlap of the two classes reads as a third, mixed colour.
  private static final int FILL_ALPHA = 110;

  private ScoreHistogramChart() {}

  /** The chart with {@link Options#defaults()}. */
  public static XYChart create(String title, double[] scores, boolean[] labels, Threshold threshold) {
    return create(title, scores, labels, threshold, Options.defaults());
  }

  /**
   * @param scores one score per test row, higher = more anomalous
   * @param labels the true class of each row, {@code true} = anomalous
   * @param threshold the boundary drawn as a vertical line and named in the legend
   */
  public static XYChart create(String title, double[] scores, boolean[] labels, Threshold threshold,
      Options options) {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(options, "options");
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          "scores and labels differ in length: " + scores.length + " vs " + labels.length);
    }
    Classes classes = Classes.split(scores, labels);
    double t = threshold.value();
    Binning binning = Binning.of(classes.allFiniteSorted(), t, options.bins(), options.xRange(),
        options.clipQuantile());
    double[] edges = binning.edges();

    long[] normalCounts = Histogram.count(classes.normal(), edges);
    long[] anomalousCounts = Histogram.count(classes.anomalous(), edges);
    double[] normalHeights = heights(normalCounts, classes.normal().length, edges, options.density(),
        binning.logarithmic());
    double[] anomalousHeights = heights(anomalousCounts, classes.anomalous().length, edges,
        options.density(), binning.logarithmic());
    double top = Math.max(max(normalHeights), max(anomalousHeights));
    // Head room above the tallest bar so it does not touch the frame; an empty chart still gets an axis.
    double yMax = top > 0 ? top * 1.08 : 1;

    boolean drawThreshold = Double.isFinite(t) && (!binning.logarithmic() || t > 0);
    int hiddenAnomalous = classes.anomalous().length - (int) sum(anomalousCounts);
    int hidden = classes.normal().length - (int) sum(normalCounts) + hiddenAnomalous;
    String xTitle = xAxisTitle(binning, options.xRange() == XRange.LOG && !binning.logarithmic(), hidden,
        hiddenAnomalous, classes.nonFinite(), drawThreshold ? null : t);
    if (options.xRange() == XRange.AUTO && binning.logarithmic()) {
      xTitle = xTitle.replace("(log scale)", "(log scale: the scores span " + decades(binning) + " decades)");
    }
    String yTitle = !options.density() ? "Count"
        : binning.logarithmic() ? "Density (per log10 unit)" : "Density";
    XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, title, xTitle, yTitle);
    ChartStyle.addTickGuard(chart, binning.axisMin(), binning.axisMax(), 0, yMax);

    addBars(chart, "normal (n = " + classes.normalCount() + ")", edges, normalHeights, NORMAL);
    addBars(chart, "anomalous (n = " + classes.anomalousCount() + ")", edges, anomalousHeights, ANOMALOUS);
    if (drawThreshold) {
      XYSeries line = chart.addSeries(thresholdLabel(threshold), new double[] {t, t}, new double[] {0, yMax});
      line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      line.setLineColor(ChartStyle.TEXT);
      line.setLineStyle(ChartStyle.solid(2.2f));
    }

    styleAxes(chart.getStyler(), binning, yMax, options.density());
    ChartStyle.fitText(chart);
    return chart;
  }

  private static void styleAxes(XYStyler s, Binning binning, double yMax, boolean density) {
    s.setXAxisLogarithmic(binning.logarithmic());
    s.setXAxisMin(binning.axisMin());
    s.setXAxisMax(binning.axisMax());
    s.setYAxisMin(0.0);
    s.setYAxisMax(yMax);
    // Vertical grid lines would read as bin edges; horizontal ones help reading bar heights.
    s.setPlotGridVerticalLinesVisible(false);
    // Bars must stand on the x axis, not float above it inside XChart's default inner margin.
    s.setPlotContentSize(1.0);
    Function<Double, String> ticks = ChartNumbers.tickFormatter(binning.axisMin(), binning.axisMax());
    if (binning.logarithmic() && Math.log10(binning.axisMax() / binning.axisMin()) <= 4) {
      // A few decades: a tick at every 1..9 multiple, labelled only at 1, 2 and 5 so labels do not collide.
      s.setXAxisLogarithmicDecadeOnly(false);
      s.setXAxisTickLabelsFormattingFunction(v -> ChartNumbers.isOneTwoFive(v) ? ticks.apply(v) : "");
    } else {
      s.setXAxisLogarithmicDecadeOnly(true);
      s.setXAxisTickLabelsFormattingFunction(ticks);
    }
    if (density) {
      s.setYAxisTickLabelsFormattingFunction(ChartNumbers.tickFormatter(0, yMax));
    } else {
      // Counts are whole numbers: a tick at 2.5 rows would only confuse, so such ticks stay unlabelled.
      s.setYAxisTickLabelsFormattingFunction(v -> v != null && v >= 0 && Math.abs(v - Math.rint(v)) < 1e-9
          ? String.format(Locale.ROOT, "%,d", Math.round(v)) : "");
    }
  }

  /**
   * The x axis title, which also says what the plot leaves out, e.g. {@code Anomaly score — not shown:
   * 25 scores above 0.1088 (the 99.5% quantile), 25 anomalous}: a clipped tail must never pass for
   * an absent one.
   */
  private static String xAxisTitle(Binning binning, boolean logRefused, int hidden, int hiddenAnomalous,
      int nonFinite, Double offAxisThreshold) {
    List<String> notShown = new ArrayList<>();
    if (hidden > 0) {
      notShown.add(plural(hidden, "score") + " " + binning.hidden() + ", " + hiddenAnomalous + " anomalous");
    }
    if (nonFinite > 0) {
      notShown.add(plural(nonFinite, "NaN/infinite score"));
    }
    if (offAxisThreshold != null) {
      notShown.add("threshold " + ChartNumbers.format(offAxisThreshold));
    }
    return "Anomaly score"
        + (binning.logarithmic() ? " (log scale)" : logRefused ? " (linear: no score > 0 for a log scale)" : "")
        + (notShown.isEmpty() ? "" : " \u2014 not shown: " + String.join("; ", notShown));
  }

  /** E.g. {@code threshold 0.0213 (mean + 3.0 * std)}. */
  static String thresholdLabel(Threshold threshold) {
    String rule = threshold.rule() == null || threshold.rule().isBlank() ? "" : " (" + threshold.rule().strip() + ")";
    return "threshold " + ChartNumbers.format(threshold.value()) + rule;
  }

  private static void addBars(XYChart chart, String name, double[] edges, double[] heights, Color color) {
    double[][] outline = Histogram.outline(edges, heights);
    XYSeries series = chart.addSeries(name, outline[0], outline[1]);
    // PolygonArea fills the closed outline as given and shows a filled box in the legend; plain Area
    // would show a bare line there.
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    series.setFillColor(ChartStyle.withAlpha(color, FILL_ALPHA));
    series.setLineColor(color);
    series.setLineStyle(ChartStyle.solid(1.2f));
  }

  /**
   * Counts, or densities over the class's finite scores (hidden ones included in the total, so a class
   * whose tail is clipped shows correspondingly less area instead of being silently re-normalised).
   */
  private static double[] heights(long[] counts, int total, double[] edges, boolean density, boolean log) {
    double[] h = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      if (!density) {
        h[i] = counts[i];
      } else if (total > 0) {
        double width = log ? Math.log10(edges[i + 1]) - Math.log10(edges[i]) : edges[i + 1] - edges[i];
        h[i] = counts[i] / (total * width);
      }
    }
    return h;
  }

  private static double max(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static long sum(long[] values) {
    return Arrays.stream(values).sum();
  }

  /** How many decades the bins span, rounded: {@code 3}, or {@code 1.5} below two. */
  private static String decades(Binning binning) {
    double[] e = binning.edges();
    double d = Math.log10(e[e.length - 1] / e[0]);
    return d >= 2 ? Long.toString(Math.round(d)) : String.format(Locale.ROOT, "%.1f", d);
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The finite scores of each class, and how many scores were not finite. */
  private record Classes(double[] normal, double[] anomalous, double[] allFiniteSorted, int normalCount,
      int anomalousCount, int nonFinite) {

    static Classes split(double[] scores, boolean[] labels) {
      double[] normal = new double[scores.length];
      double[] anomalous = new double[scores.length];
      int n = 0;
      int a = 0;
      int anomalousCount = 0;
      for (int i = 0; i < scores.length; i++) {
        anomalousCount += labels[i] ? 1 : 0;
        if (!Double.isFinite(scores[i])) {
          continue;
        }
        if (labels[i]) {
          anomalous[a++] = scores[i];
        } else {
          normal[n++] = scores[i];
        }
      }
      double[] all = new double[n + a];
      System.arraycopy(normal, 0, all, 0, n);
      System.arraycopy(anomalous, 0, all, n, a);
      Arrays.sort(all);
      return new Classes(Arrays.copyOf(normal, n), Arrays.copyOf(anomalous, a), all,
          scores.length - anomalousCount, anomalousCount, scores.length - n - a);
    }
  }
}

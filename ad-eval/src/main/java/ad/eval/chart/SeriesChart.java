package ad.eval.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;

/**
 * A time series with its anomaly scores: the signal's channels on top, the score with the decision
 * threshold below, on the same time axis, and the labelled anomaly windows shaded in both panels, so
 * one sees whether the score rises where the labels say it should, and how early.
 *
 * <p>Long series are reduced to the minimum and maximum of each of about two buckets per pixel before
 * plotting: spikes, which are what matters here, survive, and rendering stays fast.
 */
public final class SeriesChart implements Drawing {

  static {
    Headless.ensure();
  }

  public static final int WIDTH = 1000;
  public static final int SIGNAL_HEIGHT = 330;
  public static final int SCORE_HEIGHT = 270;
  private static final Color WINDOW = new Color(0xD5, 0x5E, 0x00, 60);
  private static final Color SCORE = ChartStyle.PALETTE[0];
  private static final int MAX_POINTS = 2 * WIDTH;
  private static final int Y_LABEL_WIDTH = 64;

  /** One channel of the signal. */
  public record Channel(String name, double[] values) {
    public Channel {
      Objects.requireNonNull(name, "name");
      values = values.clone();
    }
  }

  private final XYChart signal;
  private final XYChart score;

  /**
   * @param time the time of each step (ascending), or null for the step index 0, 1, 2, ...
   * @param channels the signal, one or more channels of the same length
   * @param scores one score per step (NaN where none, e.g. before the first full window)
   * @param threshold the decision threshold, or NaN for none
   * @param labels true at steps inside a labelled anomaly, or null when unlabelled
   */
  public SeriesChart(String title, double[] time, List<Channel> channels, double[] scores, double threshold,
      boolean[] labels) {
    int n = scores.length;
    for (Channel c : channels) {
      if (c.values().length != n) {
        throw new IllegalArgumentException("channel '" + c.name() + "' has " + c.values().length
            + " steps, the scores " + n);
      }
    }
    if ((time != null && time.length != n) || (labels != null && labels.length != n)) {
      throw new IllegalArgumentException("time and labels need one entry per score (" + n + ")");
    }
    double[] t = time != null ? time.clone() : indices(n);
    double t0 = n == 0 ? 0 : t[0];
    double t1 = n == 0 ? 1 : t[n - 1] > t0 ? t[n - 1] : t0 + 1;
    List<double[]> windows = labels == null ? List.of() : windows(t, labels);

    signal = ChartStyle.xyChart(WIDTH, SIGNAL_HEIGHT, title, "", "Signal");
    double[] range = range(channels.stream().map(Channel::values).toList());
    ChartStyle.addTickGuard(signal, t0, t1, range[0], range[1]);
    shade(signal, windows, range);
    for (int i = 0; i < channels.size(); i++) {
      addLine(signal, channels.get(i).name(), t, channels.get(i).values(),
          ChartStyle.PALETTE[(i + 2) % ChartStyle.PALETTE.length]);
    }
    finish(signal, t0, t1, range);

    score = ChartStyle.xyChart(WIDTH, SCORE_HEIGHT, "", time != null ? "Time" : "Step", "Anomaly score");
    double[] scoreRange = range(List.of(scores, Double.isFinite(threshold) ? new double[] {threshold}
        : new double[0]));
    ChartStyle.addTickGuard(score, t0, t1, scoreRange[0], scoreRange[1]);
    shade(score, windows, scoreRange);
    addLine(score, "score", t, scores, SCORE);
    if (Double.isFinite(threshold)) {
      XYSeries line = score.addSeries("threshold " + ChartNumbers.format(threshold), new double[] {t0, t1},
          new double[] {threshold, threshold});
      line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      line.setLineColor(ChartStyle.TEXT);
      line.setLineStyle(ChartStyle.dashed(1.8f));
    }
    finish(score, t0, t1, scoreRange);
  }

  @Override
  public int width() {
    return WIDTH;
  }

  @Override
  public int height() {
    return SIGNAL_HEIGHT + SCORE_HEIGHT;
  }

  @Override
  public void paint(Graphics2D g) {
    AffineTransform saved = g.getTransform();
    signal.paint(g, WIDTH, SIGNAL_HEIGHT);
    g.translate(0, SIGNAL_HEIGHT);
    score.paint(g, WIDTH, SCORE_HEIGHT);
    g.setTransform(saved);
  }

  /** The top panel, for callers that want to adjust it. */
  public XYChart signalChart() {
    return signal;
  }

  /** The bottom panel. */
  public XYChart scoreChart() {
    return score;
  }

  private static void finish(XYChart chart, double t0, double t1, double[] range) {
    XYStyler s = chart.getStyler();
    s.setXAxisMin(t0);
    s.setXAxisMax(t1);
    s.setYAxisMin(range[0]);
    s.setYAxisMax(range[1]);
    // The ranges are padded already; XChart's inner margin would leave the shading short of the frame.
    s.setPlotContentSize(1.0);
    s.setXAxisTickLabelsFormattingFunction(ChartNumbers.tickFormatter(t0, t1));
    // The two panels' time axes must line up, so their plots must start at the same x: legends go
    // below (not beside) and the y tick labels get one fixed width, right-aligned.
    s.setYAxisTickLabelsFormattingFunction(ChartNumbers.tickFormatter(range[0], range[1]));
    s.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
    s.setYAxisLeftWidthHint(Y_LABEL_WIDTH);
    s.setLegendPosition(LegendPosition.OutsideS);
    ChartStyle.fitText(chart);
  }

  private static void addLine(XYChart chart, String name, double[] t, double[] values, Color color) {
    double[][] points = reduce(t, values);
    if (points[0].length == 0) {
      return;
    }
    XYSeries series = chart.addSeries(name, points[0], points[1]);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    series.setLineColor(color);
    series.setLineStyle(ChartStyle.solid(1.4f));
  }

  /** One filled polygon covering every window from the bottom to the top of the plot. */
  private static void shade(XYChart chart, List<double[]> windows, double[] range) {
    if (windows.isEmpty()) {
      return;
    }
    double[] x = new double[windows.size() * 4];
    double[] y = new double[x.length];
    int k = 0;
    for (double[] w : windows) {
      double[][] corners = {{w[0], range[0]}, {w[0], range[1]}, {w[1], range[1]}, {w[1], range[0]}};
      for (double[] c : corners) {
        x[k] = c[0];
        y[k++] = c[1];
      }
    }
    XYSeries series = chart.addSeries("labelled anomaly", x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    series.setFillColor(WINDOW);
    series.setLineColor(new Color(0, 0, 0, 0));
  }

  /** The [start, end] times of each run of true labels; a one-step run gets the width of one step. */
  static List<double[]> windows(double[] t, boolean[] labels) {
    List<double[]> out = new ArrayList<>();
    double step = t.length > 1 ? (t[t.length - 1] - t[0]) / (t.length - 1) : 1;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i]) {
        int j = i;
        while (j + 1 < labels.length && labels[j + 1]) {
          j++;
        }
        out.add(new double[] {t[i] - step / 2, t[j] + step / 2});
        i = j;
      }
    }
    return out;
  }

  /**
   * The finite points, thinned to the min and max of each bucket when there are more than
   * {@link #MAX_POINTS}, in time order within each bucket so the line does not zig-zag back.
   */
  static double[][] reduce(double[] t, double[] v) {
    int n = v.length;
    double[] x = new double[Math.min(n, MAX_POINTS + 2)];
    double[] y = new double[x.length];
    int k = 0;
    int buckets = MAX_POINTS / 2;
    int per = n <= MAX_POINTS ? 1 : (int) Math.ceil((double) n / buckets);
    for (int start = 0; start < n; start += per) {
      int end = Math.min(n, start + per);
      int lo = -1;
      int hi = -1;
      for (int i = start; i < end; i++) {
        if (Double.isFinite(v[i])) {
          lo = lo < 0 || v[i] < v[lo] ? i : lo;
          hi = hi < 0 || v[i] > v[hi] ? i : hi;
        }
      }
      if (lo < 0) {
        continue;
      }
      int first = Math.min(lo, hi);
      int second = Math.max(lo, hi);
      if (k + 2 > x.length) {
        x = Arrays.copyOf(x, x.length * 2);
        y = Arrays.copyOf(y, y.length * 2);
      }
      x[k] = t[first];
      y[k++] = v[first];
      if (second != first) {
        x[k] = t[second];
        y[k++] = v[second];
      }
    }
    return new double[][] {Arrays.copyOf(x, k), Arrays.copyOf(y, k)};
  }

  /** The span of the finite values, padded by 5%; a flat or empty series gets a unit span. */
  private static double[] range(List<double[]> series) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] values : series) {
      for (double v : values) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    if (lo == hi) {
      return new double[] {lo - 0.5, hi + 0.5};
    }
    double pad = (hi - lo) * 0.05;
    return new double[] {lo - pad, hi + pad};
  }

  private static double[] indices(int n) {
    double[] t = new double[n];
    Arrays.setAll(t, i -> i);
    return t;
  }
}

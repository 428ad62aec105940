package ad.eval.chart;

import java.awt.Color;
import java.util.Arrays;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training and validation loss per epoch, with the epoch whose weights were kept marked by a vertical
 * line. The y axis turns logarithmic when the losses span more than two decades, so the late epochs,
 * where early stopping decides, are not flattened against the axis.
 */
public final class LossChart {

  static {
    Headless.ensure();
  }

  public static final int WIDTH = 800;
  public static final int HEIGHT = 500;
  private static final Color TRAIN = ChartStyle.PALETTE[0];
  private static final Color VALIDATION = ChartStyle.PALETTE[1];

  private LossChart() {}

  /**
   * @param trainLoss the training loss of each epoch (epoch 1 first); NaN epochs are left out
   * @param validationLoss the validation loss of each epoch, or empty without a validation split
   * @param bestEpoch the 0-based epoch whose weights were kept, or a negative number to mark none
   */
  public static XYChart create(String title, double[] trainLoss, double[] validationLoss, int bestEpoch) {
    Objects.requireNonNull(trainLoss, "trainLoss");
    Objects.requireNonNull(validationLoss, "validationLoss");
    double[] all = concat(trainLoss, validationLoss);
    double lo = Arrays.stream(all).filter(Double::isFinite).min().orElse(Double.NaN);
    double hi = Arrays.stream(all).filter(Double::isFinite).max().orElse(Double.NaN);
    boolean log = lo > 0 && hi / lo > 100;
    int epochs = Math.max(Math.max(trainLoss.length, validationLoss.length), 1);
    double yMin = Double.isNaN(lo) ? 0 : log ? lo / 1.3 : Math.min(0, lo);
    double yMax = Double.isNaN(hi) ? 1 : log ? hi * 1.3 : hi == yMin ? yMin + 1 : hi + (hi - yMin) * 0.05;

    XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, title, "Epoch", "Loss" + (log ? " (log scale)" : ""));
    ChartStyle.addTickGuard(chart, 1, epochs, log ? yMin : 0, yMax);
    addLoss(chart, "training", trainLoss, TRAIN);
    addLoss(chart, "validation", validationLoss, VALIDATION);
    if (bestEpoch >= 0 && bestEpoch < epochs) {
      double[] source = bestEpoch < validationLoss.length ? validationLoss : trainLoss;
      String value = bestEpoch < source.length ? " (" + ChartNumbers.format(source[bestEpoch]) + ")" : "";
      XYSeries best = chart.addSeries("kept: epoch " + (bestEpoch + 1) + value,
          new double[] {bestEpoch + 1, bestEpoch + 1}, new double[] {yMin, yMax});
      best.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      best.setLineColor(ChartStyle.TEXT);
      best.setLineStyle(ChartStyle.dashed(1.5f));
    }
    XYStyler s = chart.getStyler();
    s.setXAxisMin(epochs == 1 ? 0.5 : 1.0);
    s.setXAxisMax(epochs == 1 ? 1.5 : (double) epochs);
    s.setYAxisMin(yMin);
    s.setYAxisMax(yMax);
    s.setYAxisLogarithmic(log);
    s.setXAxisTickLabelsFormattingFunction(v -> v != null && Math.abs(v - Math.rint(v)) < 1e-9
        ? Long.toString(Math.round(v)) : "");
    s.setYAxisTickLabelsFormattingFunction(ChartNumbers.tickFormatter(yMin, yMax));
    ChartStyle.fitText(chart);
    return chart;
  }

  private static void addLoss(XYChart chart, String name, double[] loss, Color color) {
    int finite = (int) Arrays.stream(loss).filter(Double::isFinite).count();
    if (finite == 0) {
      return;
    }
    double[] x = new double[finite];
    double[] y = new double[finite];
    for (int i = 0, k = 0; i < loss.length; i++) {
      if (Double.isFinite(loss[i])) {
        x[k] = i + 1;
        y[k++] = loss[i];
      }
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    series.setLineColor(color);
    series.setLineStyle(ChartStyle.solid(2.2f));
    // Markers on short runs make each epoch countable; on long ones they would blur the line.
    series.setMarker(finite <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    series.setMarkerColor(color);
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

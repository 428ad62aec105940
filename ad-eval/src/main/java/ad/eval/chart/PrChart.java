package ad.eval.chart;

import java.awt.Color;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Precision-recall curves of one or more detectors on one plot, over the dashed line of a detector
 * without skill, whose precision is the anomaly rate at every recall. With rare anomalies this shows
 * what a ROC curve hides: how many false alarms come with each anomaly found.
 *
 * <p>Each curve is drawn as the step function that average precision integrates: between the recalls
 * of two cuts, the precision of the lower cut. Its area is therefore exactly the AP in the legend.
 */
public final class PrChart {

  static {
    Headless.ensure();
  }

  public static final int WIDTH = 700;
  public static final int HEIGHT = 700;
  private static final Color NO_SKILL = new Color(0x9E, 0x9E, 0x9E);

  private PrChart() {}

  /**
   * @param anomalyRate the share of anomalies in the test set, drawn as the no-skill line; NaN omits it
   * @param curves drawn and listed in the legend in this order; an empty list gives empty axes
   */
  public static XYChart create(String title, double anomalyRate, List<PrSeries> curves) {
    Objects.requireNonNull(curves, "curves");
    XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, title, "Recall", "Precision");
    ChartStyle.addTickGuard(chart, 0, 1, 0, 1);
    Set<String> used = new HashSet<>(Set.of(ChartStyle.TICK_GUARD));
    for (int i = 0; i < curves.size(); i++) {
      PrSeries curve = Objects.requireNonNull(curves.get(i), "curves[" + i + "]");
      double[][] steps = steps(curve.recall(), curve.precision());
      if (steps[0].length == 0) {
        continue;  // nothing finite to draw (no anomalies): the detector is simply absent
      }
      Color color = ChartStyle.PALETTE[i % ChartStyle.PALETTE.length];
      double[][] thinned = RocChart.thinned(steps[0], steps[1]);
      XYSeries series = chart.addSeries(unique(curve.label(), used), thinned[0], thinned[1]);
      series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      series.setLineColor(color);
      series.setLineStyle(ChartStyle.solid(2.2f));
      if (thinned[0].length == 1) {
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
      }
    }
    if (anomalyRate >= 0 && anomalyRate <= 1) {
      String name = unique(String.format(Locale.ROOT, "no skill (AP %.3f)", anomalyRate), used);
      ChartStyle.referenceLine(chart, name, new double[] {0, 1}, new double[] {anomalyRate, anomalyRate}, NO_SKILL);
    }
    // Good curves hug the top right and the no-skill line lies low: the lower left is the quiet corner.
    ChartStyle.unitSquare(chart, LegendPosition.InsideSW);
    return chart;
  }

  /**
   * The step function through the finite points: from recall 0 at the first cut's precision, then at
   * each cut a horizontal run to its recall at its precision. NaN and out-of-range points are skipped.
   */
  static double[][] steps(double[] recall, double[] precision) {
    double[] x = new double[2 * recall.length + 1];
    double[] y = new double[x.length];
    int n = 0;
    double lastRecall = 0;
    for (int i = 0; i < recall.length; i++) {
      double r = recall[i];
      double p = precision[i];
      if (!(r >= 0 && r <= 1 && p >= 0 && p <= 1)) {
        continue;
      }
      if (n == 0) {
        x[n] = 0;
        y[n++] = p;
      }
      x[n] = lastRecall;
      y[n++] = p;
      x[n] = r;
      y[n++] = p;
      lastRecall = r;
    }
    return new double[][] {Arrays.copyOf(x, n), Arrays.copyOf(y, n)};
  }

  private static String unique(String label, Set<String> used) {
    String name = label;
    for (int k = 2; !used.add(name); k++) {
      name = label + " [" + k + "]";
    }
    return name;
  }
}

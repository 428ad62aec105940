package ad.eval.chart;

import java.awt.Color;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * ROC curves of one or more detectors on one square plot, over the dashed diagonal of a random
 * ranking. The legend sits in the lower right, below the diagonal, where a curve better than chance
 * never goes.
 */
public final class RocChart {

  static {
    Headless.ensure();
  }

  // Square so that the diagonal is at 45 degrees and areas look like the AUCs they are.
  public static final int WIDTH = 700;
  public static final int HEIGHT = 700;

  private static final Color CHANCE = new Color(0x9E, 0x9E, 0x9E);
  private static final String CHANCE_NAME = "chance (AUC 0.500)";
  /** Under half a pixel of this plot (about 0.3 px): steps smaller than this cannot show. */
  static final double RESOLUTION = 5e-4;

  private RocChart() {}

  public static XYChart create(String title, RocSeries... curves) {
    return create(title, List.of(curves));
  }

  /** Curves are drawn, and listed in the legend, in the given order; an empty list gives just the diagonal. */
  public static XYChart create(String title, List<RocSeries> curves) {
    Objects.requireNonNull(curves, "curves");
    XYChart chart = ChartStyle.xyChart(WIDTH, HEIGHT, title, "False positive rate", "True positive rate");

    ChartStyle.addTickGuard(chart, 0, 1, 0, 1);
    Set<String> used = new HashSet<>();
    used.add(CHANCE_NAME);
    used.add(ChartStyle.TICK_GUARD);
    for (int i = 0; i < curves.size(); i++) {
      RocSeries curve = Objects.requireNonNull(curves.get(i), "curves[" + i + "]");
      double[][] points = thinned(curve.fpr(), curve.tpr());
      XYSeries series = chart.addSeries(unique(curve.label(), used), points[0], points[1]);
      series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      series.setLineColor(ChartStyle.PALETTE[i % ChartStyle.PALETTE.length]);
      series.setLineStyle(ChartStyle.solid(2.2f));
      if (points[0].length == 1) {
        // A single operating point (a hard classifier) has no segment to draw: mark it instead.
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(ChartStyle.PALETTE[i % ChartStyle.PALETTE.length]);
      }
    }
    // Last, so it closes the legend; thin and dashed, it hides nothing of the curves it crosses.
    ChartStyle.referenceLine(chart, CHANCE_NAME, new double[] {0, 1}, new double[] {0, 1}, CHANCE);
    ChartStyle.unitSquare(chart, LegendPosition.InsideSE);
    return chart;
  }

  /**
   * The points worth drawing. A ROC curve over a large test set has a point per distinct score: mostly
   * straight vertical or horizontal runs, whose inner points are dropped, and steps far below a pixel
   * (under {@link #RESOLUTION} of the axis), which are merged. The drawing is unchanged and rendering
   * stays fast for any test-set size.
   */
  static double[][] thinned(double[] x, double[] y) {
    int n = x.length;
    double[] keptX = new double[n];
    double[] keptY = new double[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (kept > 0 && i < n - 1) {
        double px = keptX[kept - 1];
        double py = keptY[kept - 1];
        boolean tiny = Math.abs(x[i] - px) + Math.abs(y[i] - py) < RESOLUTION;
        if (tiny || collinear(px, py, x[i], y[i], x[i + 1], y[i + 1])) {
          continue;
        }
      }
      keptX[kept] = x[i];
      keptY[kept] = y[i];
      kept++;
    }
    return new double[][] {Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept)};
  }

  /** Whether b lies on the segment from a to c (same direction, within float noise). */
  private static boolean collinear(double ax, double ay, double bx, double by, double cx, double cy) {
    double cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
    double dot = (bx - ax) * (cx - bx) + (by - ay) * (cy - by);
    return Math.abs(cross) <= 1e-12 && dot >= 0;
  }

  /** XChart keys series by name; two curves with the same legend text still both get drawn. */
  private static String unique(String label, Set<String> used) {
    String name = label;
    for (int k = 2; !used.add(name); k++) {
      name = label + " [" + k + "]";
    }
    return name;
  }
}

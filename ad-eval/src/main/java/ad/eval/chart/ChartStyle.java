package ad.eval.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The one look shared by all charts: white, unframed, light grid, fonts readable in a printed report. */
final class ChartStyle {

  static {
    Headless.ensure();
  }

  static final Color TEXT = new Color(0x21, 0x21, 0x21);
  static final Color MUTED = new Color(0x75, 0x75, 0x75);
  static final Color GRID = new Color(0xE6, 0xE6, 0xE6);

  /**
   * The Okabe-Ito palette (blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow,
   * black): its colours stay distinguishable under the common colour-vision deficiencies and in greyscale
   * print, which XChart's default palette does not.
   */
  static final Color[] PALETTE = {
      new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
      new Color(0xE6, 0x9F, 0x00), new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9),
      new Color(0xF0, 0xE4, 0x42), new Color(0x00, 0x00, 0x00)};

  // Logical font names map to whatever sans-serif the machine has (DejaVu Sans on most Linux hosts).
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  /** The name of the invisible series added by {@link #addTickGuard}; no legend or caller name can clash with it. */
  static final String TICK_GUARD = "\u0000tick-guard";

  private static final float MIN_FONT_SIZE = 10f;

  private ChartStyle() {}

  /** A new XY chart of a fixed size with the house style applied. */
  static XYChart xyChart(int width, int height, String title, String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title == null ? "" : title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    apply(chart.getStyler());
    return chart;
  }

  static void apply(XYStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setChartPadding(12);
    s.setPlotMargin(0);
    s.setChartFontColor(TEXT);
    s.setChartTitleFont(TITLE_FONT);
    s.setChartTitleBoxVisible(false);
    s.setChartTitlePadding(10);
    s.setAxisTitleFont(AXIS_TITLE_FONT);
    s.setAxisTitlePadding(8);
    s.setAxisTickLabelsFont(TICK_FONT);
    s.setAxisTickLabelsColor(TEXT);
    s.setAxisTickMarksColor(MUTED);
    s.setAxisTickPadding(4);
    s.setPlotGridLinesVisible(true);
    s.setPlotGridLinesColor(GRID);
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setLegendFont(LEGEND_FONT);
    s.setLegendBackgroundColor(Color.WHITE);
    s.setLegendBorderColor(GRID);
    s.setLegendPadding(8);
    s.setLegendSeriesLineLength(28);
    s.setLegendPosition(LegendPosition.OutsideS);
    s.setLegendLayout(LegendLayout.Horizontal);
    s.setSeriesColors(PALETTE);
    s.setSeriesMarkers(new Marker[] {SeriesMarkers.NONE});
    s.setMarkerSize(9);
    s.setAntiAlias(true);
    s.setTextAntiAlias(true);
    // A fixed locale keeps the decimal separator (and so the image) the same on every machine.
    s.setLocale(Locale.ROOT);
  }

  /**
   * Adds, as the chart's first series, an invisible two-point series that keeps XChart 4.0.3 on its
   * normal tick layout. XChart collects the distinct values of all series in insertion order and, when
   * consecutive ones are "equally spaced" (within an absolute 1e-4), places ticks only at data values,
   * and misplaces them: a ROC curve whose distinct TPRs are multiples of 1/P got its 1.0 label below the
   * curve's end. A first jump to the axis maximum and back to the middle can never look equally spaced.
   * Call before adding any other series, with the final axis ranges.
   */
  static void addTickGuard(XYChart chart, double xMin, double xMax, double yMin, double yMax) {
    XYSeries guard = chart.addSeries(TICK_GUARD, new double[] {xMax, xMin + (xMax - xMin) / 2},
        new double[] {yMax, yMin + (yMax - yMin) / 2});
    guard.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    guard.setLineColor(new Color(0, 0, 0, 0));
    guard.setMarker(SeriesMarkers.NONE);
    guard.setShowInLegend(false);
  }

  /**
   * Call once all series and titles are set. XChart neither wraps nor shrinks text: an x axis title
   * carrying notes, or a horizontal legend with a long threshold rule, would run off both edges.
   */
  static void fitText(XYChart chart) {
    XYStyler s = chart.getStyler();
    int usable = chart.getWidth() - 2 * s.getChartPadding();
    // The x title is centred on the plot, right of the y axis labels: keep a margin for those.
    Font font = s.getAxisTitleFont();
    String xTitle = chart.getXAxisTitle() == null ? "" : chart.getXAxisTitle();
    while (font.getSize2D() > MIN_FONT_SIZE && width(font, xTitle) > usable - 100) {
      font = font.deriveFont(font.getSize2D() - 1);
    }
    s.setAxisTitleFont(font);
    if (s.getLegendLayout() == LegendLayout.Horizontal) {
      double legend = 2.0 * s.getLegendPadding();
      for (XYSeries series : chart.getSeriesCollection()) {
        if (series.isShowInLegend()) {
          legend += width(s.getLegendFont(), series.getLabel()) + s.getLegendSeriesLineLength()
              + 3 * s.getLegendPadding();
        }
      }
      if (legend > usable) {
        s.setLegendLayout(LegendLayout.Vertical);
      }
    }
  }

  private static double width(Font font, String text) {
    return font.getStringBounds(text, new FontRenderContext(null, true, true)).getWidth();
  }

  static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  static BasicStroke solid(float width) {
    // Round caps and joins: a curve of many short segments would otherwise show hairline gaps.
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  static BasicStroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);
  }

  /** Both axes from 0 to 1 (rates), one-decimal ticks, a vertical legend at {@code legend}. */
  static void unitSquare(org.knowm.xchart.XYChart chart, org.knowm.xchart.style.Styler.LegendPosition legend) {
    org.knowm.xchart.style.XYStyler s = chart.getStyler();
    s.setXAxisMin(0.0);
    s.setXAxisMax(1.0);
    s.setYAxisMin(0.0);
    s.setYAxisMax(1.0);
    s.setXAxisDecimalPattern("0.0");
    s.setYAxisDecimalPattern("0.0");
    s.setLegendPosition(legend);
    s.setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
    fitText(chart);
  }

  /** A thin dashed line that marks a reference (chance, no skill) without hiding what it crosses. */
  static void referenceLine(org.knowm.xchart.XYChart chart, String name, double[] x, double[] y, Color color) {
    org.knowm.xchart.XYSeries line = chart.addSeries(name, x, y);
    line.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
    line.setLineColor(color);
    line.setLineStyle(dashed(1.5f));
  }
}

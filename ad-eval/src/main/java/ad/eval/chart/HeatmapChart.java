package ad.eval.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * A dataset x detector (or x thresholder) table of one metric: XChart's heat map, one coloured cell per
 * pair with its value printed in it, which one wins where at a glance.
 *
 * <p>The chart is sized from its labels, so no title, row or column name is ever cut: the width
 * grows with the longest row label and the number and width of the columns; column names wider than a
 * cell are turned 45 degrees. Each row label names its best column ({@code cardio (best: iqr)}),
 * since XChart prints every value alike. A NaN cell (failed or undefined) is left blank.
 */
public final class HeatmapChart implements Drawing {

  static {
    Headless.ensure();
  }

  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font VALUE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final int PADDING = 16;
  private static final int CELL_HEIGHT = 36;
  private static final int MIN_CELL_WIDTH = 64;
  private static final int MAX_UPRIGHT_WIDTH = 120;
  /** Room for XChart's colour legend (a bar and its min/max labels) right of the plot. */
  private static final int LEGEND_WIDTH = 110;
  /**
   * The light half of ColorBrewer "Blues" and a little more: the values are printed in dark text on
   * every cell, which stays legible up to this blue.
   */
  private static final Color[] SCALE = {new Color(0xF7FBFF), new Color(0xDEEBF7), new Color(0xC6DBEF),
      new Color(0x9ECAE1), new Color(0x6BAED6)};

  private final List<String> rows;
  private final List<String> columns;
  private final HeatMapChart chart;
  private final boolean hasValues;

  /**
   * @param rows row names (datasets), top to bottom
   * @param columns column names (detectors, thresholders), left to right
   * @param values {@code values[row][column]}; NaN for missing
   * @param min the value at the light end of the colour scale (lower values get its colour)
   * @param max the value at the dark end
   * @param higherIsBetter whether a row's best is its maximum (or its minimum)
   */
  public HeatmapChart(String title, List<String> rows, List<String> columns, double[][] values, double min,
      double max, boolean higherIsBetter) {
    this.rows = List.copyOf(rows);
    this.columns = List.copyOf(columns);
    if (values.length != this.rows.size()) {
      throw new IllegalArgumentException(values.length + " value rows for " + rows.size() + " row names");
    }
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != this.columns.size()) {
        throw new IllegalArgumentException("row " + r + " has " + values[r].length + " values for "
            + columns.size() + " columns");
      }
    }
    if (!(max > min)) {
      throw new IllegalArgumentException("colour scale needs min < max, got " + min + ", " + max);
    }
    List<String> rowLabels = new ArrayList<>();
    for (int r = 0; r < values.length; r++) {
      rowLabels.add(rowLabel(this.rows.get(r), this.columns, values[r], higherIsBetter));
    }
    this.chart = build(title == null ? "" : title, rowLabels, this.columns, values, min, max);
    this.hasValues = Arrays.stream(values).flatMapToDouble(Arrays::stream).anyMatch(v -> !Double.isNaN(v));
  }

  /**
   * ROC AUC, higher is better, darkest at 1. The light end sits a little below the lowest value, in
   * steps of 0.05, but never below chance (0.5): AUCs crowd near the top, and a fixed 0.5..1 scale
   * would paint them all the same blue.
   */
  public static HeatmapChart rocAuc(String title, List<String> datasets, List<String> detectors,
      double[][] auc) {
    double lowest = Arrays.stream(auc).flatMapToDouble(Arrays::stream).filter(Double::isFinite).min().orElse(0.5);
    double min = Math.max(0.5, Math.min(0.9, Math.floor((lowest - 0.05) * 20) / 20));
    return new HeatmapChart(title, datasets, detectors, auc, min, 1.0, true);
  }

  /** {@code cardio (best: iqr)}; ties name every best column, a row without values only its name. */
  static String rowLabel(String row, List<String> columns, double[] values, boolean higherIsBetter) {
    double best = Double.NaN;
    for (double v : values) {
      if (!Double.isNaN(v) && (Double.isNaN(best) || (higherIsBetter ? v > best : v < best))) {
        best = v;
      }
    }
    if (Double.isNaN(best) || columns.size() < 2) {
      return row;
    }
    List<String> winners = new ArrayList<>();
    for (int c = 0; c < values.length; c++) {
      // Compared as printed: two cells that read the same are equally best.
      if (format(values[c]).equals(format(best))) {
        winners.add(columns.get(c));
      }
    }
    return winners.size() == columns.size() ? row + " (all equal)" : row + " (best: "
        + String.join(", ", winners) + ")";
  }

  private static HeatMapChart build(String title, List<String> rowLabels, List<String> columns,
      double[][] values, double min, double max) {
    double widestRow = rowLabels.stream().mapToDouble(l -> Canvas.width(LABEL_FONT, l)).max().orElse(0);
    double widestColumn = columns.stream().mapToDouble(c -> Canvas.width(LABEL_FONT, c)).max().orElse(0);
    int cellWidth = (int) Math.max(MIN_CELL_WIDTH, Canvas.width(VALUE_FONT, "0.000") + 24);
    // Names up to a short word's width widen their column; longer ones are turned.
    boolean turned = widestColumn + 12 > MAX_UPRIGHT_WIDTH;
    if (!turned) {
      cellWidth = (int) Math.max(cellWidth, widestColumn + 12);
    }
    int cells = Math.max(columns.size(), 1);
    // XChart centres the title on the plot: the plot must be wide enough for it to clear the
    // row labels on the left and the colour legend on the right.
    double rowLabelSpace = widestRow + 12 + PADDING;
    double titleWidth = Canvas.width(TITLE_FONT, title) + 20;
    double plotWidth = Math.max(cells * cellWidth, titleWidth - 2 * Math.min(rowLabelSpace, LEGEND_WIDTH));
    cellWidth = (int) Math.ceil(plotWidth / cells);
    // A name turned 45 degrees needs its length times sin(45) below the plot.
    int columnLabels = turned ? (int) Math.ceil(widestColumn * Math.sqrt(0.5) + 20) : 24;
    int width = (int) Math.ceil(PADDING + rowLabelSpace + cells * cellWidth + LEGEND_WIDTH);
    width = Math.max(width, 420);
    int height = 2 * PADDING + 40 + Math.max(rowLabels.size(), 1) * CELL_HEIGHT + columnLabels;
    height = Math.max(height, 220);

    HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title).build();
    HeatMapStyler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setChartPadding(PADDING);
    s.setChartFontColor(ChartStyle.TEXT);
    s.setChartTitleFont(TITLE_FONT);
    s.setChartTitleBoxVisible(false);
    s.setChartTitlePadding(10);
    s.setAxisTickLabelsFont(LABEL_FONT);
    s.setAxisTickLabelsColor(ChartStyle.TEXT);
    s.setAxisTicksLineVisible(false);
    s.setAxisTicksMarksVisible(false);
    s.setAxisTickPadding(6);
    s.setPlotGridLinesVisible(false);
    s.setXAxisLabelRotation(turned ? 45 : 0);
    // A turned name ends at its column, whatever its length.
    s.setXAxisLabelAlignmentVertical(AxesChartStyler.TextAlignment.Right);
    // Ticks closer than the hint are skipped: every row and column must keep its name.
    s.setYAxisTickMarkSpacingHint(CELL_HEIGHT / 2);
    s.setXAxisTickMarkSpacingHint(Math.min(cellWidth / 2, 24));
    s.setLegendPosition(LegendPosition.OutsideE);
    s.setLegendLayout(LegendLayout.Vertical);
    s.setLegendFont(ChartStyle.LEGEND_FONT);
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendPadding(8);
    // The colour bar spans the table, never more than the chart's own height.
    s.setGradientColorColumnHeight(Math.max(60, Math.min(220, rowLabels.size() * CELL_HEIGHT - 40)));
    s.setGradientColorColumnWeight(14);
    s.setRangeColors(SCALE);
    s.setMin(min);
    s.setMax(max);
    s.setShowValue(true);
    s.setValueFont(VALUE_FONT);
    s.setValueFontColor(ChartStyle.TEXT);
    s.setHeatMapValueDecimalPattern("0.000");
    s.setDrawBorder(true);
    s.setAntiAlias(true);
    s.setTextAntiAlias(true);
    s.setLocale(Locale.ROOT);
    if (columns.isEmpty() || rowLabels.isEmpty()) {
      return chart;
    }
    // XChart puts its first y category at the bottom: the first row goes last to read top-down.
    List<String> yData = new ArrayList<>(rowLabels);
    java.util.Collections.reverse(yData);
    List<Number[]> heat = new ArrayList<>();
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < columns.size(); c++) {
        if (!Double.isNaN(values[r][c])) {
          heat.add(new Number[] {c, values.length - 1 - r, values[r][c]});
        }
      }
    }
    if (!heat.isEmpty()) {
      chart.addSeries(title.isEmpty() ? "values" : title, columns, yData, heat);
    }
    return chart;
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  @Override
  public int width() {
    return chart.getWidth();
  }

  @Override
  public int height() {
    return chart.getHeight();
  }

  @Override
  public void paint(Graphics2D g) {
    if (!hasValues) {
      // XChart cannot draw a heat map without a value: say so instead of leaving a blank image.
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width(), height());
      g.setColor(ChartStyle.TEXT);
      g.setFont(TITLE_FONT);
      Canvas.centred(g, chart.getTitle(), width() / 2.0, PADDING + 12);
      g.setFont(LABEL_FONT);
      Canvas.centred(g, "no values to show (every cell failed or is undefined)", width() / 2.0, height() / 2.0);
      return;
    }
    chart.paint(g, chart.getWidth(), chart.getHeight());
  }

  @Override
  public String toString() {
    return "HeatmapChart[" + chart.getTitle() + ", " + rows.size() + " x " + columns.size() + "]";
  }

  List<String> rows() {
    return rows;
  }

  List<String> columns() {
    return columns;
  }
}

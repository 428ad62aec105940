package ad.eval.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A dataset x detector table of one metric, one coloured cell per pair with its value printed in it:
 * which detector wins where, at a glance. The best value of each row is printed in bold; NaN cells
 * (a failed or undefined cell) are grey and read "n/a".
 *
 * <p>Drawn with Java2D rather than XChart's heat map, which neither prints values nor marks the best.
 */
public final class HeatmapChart implements Drawing {

  static {
    Headless.ensure();
  }

  private static final int CELL_HEIGHT = 40;
  private static final int MIN_CELL_WIDTH = 96;
  private static final int MAX_LABEL_WIDTH = 200;
  private static final int PAD = 16;
  private static final int LEGEND_HEIGHT = 54;

  private final String title;
  private final List<String> rows;
  private final List<String> columns;
  private final double[][] values;
  private final double min;
  private final double max;
  private final boolean higherIsBetter;
  private final int cellWidth;
  private final int rowLabelWidth;

  /**
   * @param rows row names (datasets), top to bottom
   * @param columns column names (detectors), left to right
   * @param values {@code values[row][column]}; NaN for missing
   * @param min the value at the light end of the colour scale (lower values get its colour)
   * @param max the value at the dark end
   * @param higherIsBetter whether the row's maximum (or its minimum) is printed in bold
   */
  public HeatmapChart(String title, List<String> rows, List<String> columns, double[][] values, double min,
      double max, boolean higherIsBetter) {
    this.title = title == null ? "" : title;
    this.rows = List.copyOf(rows);
    this.columns = List.copyOf(columns);
    if (values.length != this.rows.size()) {
      throw new IllegalArgumentException(values.length + " value rows for " + rows.size() + " row names");
    }
    this.values = new double[values.length][];
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != this.columns.size()) {
        throw new IllegalArgumentException("row " + r + " has " + values[r].length + " values for "
            + columns.size() + " columns");
      }
      this.values[r] = values[r].clone();
    }
    if (!(max > min)) {
      throw new IllegalArgumentException("colour scale needs min < max, got " + min + ", " + max);
    }
    this.min = min;
    this.max = max;
    this.higherIsBetter = higherIsBetter;
    double widest = this.columns.stream().mapToDouble(c -> Canvas.width(Canvas.LABEL_BOLD, c)).max().orElse(0);
    this.cellWidth = (int) Math.max(MIN_CELL_WIDTH, Math.min(MAX_LABEL_WIDTH, widest + 16));
    double rowWidest = this.rows.stream().mapToDouble(r -> Canvas.width(Canvas.LABEL, r)).max().orElse(0);
    this.rowLabelWidth = (int) Math.min(MAX_LABEL_WIDTH, rowWidest + 12);
  }

  /**
   * ROC AUC, higher is better, darkest at 1. The light end sits a little below the lowest value, in
   * steps of 0.05, but never below chance (0.5): AUCs crowd near the top, and a fixed 0.5..1 scale
   * would paint them all the same dark blue.
   */
  public static HeatmapChart rocAuc(String title, List<String> datasets, List<String> detectors,
      double[][] auc) {
    double lowest = Arrays.stream(auc).flatMapToDouble(Arrays::stream).filter(Double::isFinite).min().orElse(0.5);
    double min = Math.max(0.5, Math.min(0.9, Math.floor((lowest - 0.05) * 20) / 20));
    return new HeatmapChart(title, datasets, detectors, auc, min, 1.0, true);
  }

  @Override
  public int width() {
    int table = PAD + rowLabelWidth + cellWidth * columns.size() + PAD;
    return Math.max(table, 420);
  }

  @Override
  public int height() {
    return PAD + 30 + 28 + CELL_HEIGHT * Math.max(rows.size(), 1) + LEGEND_HEIGHT + PAD;
  }

  @Override
  public void paint(Graphics2D g) {
    g.setColor(ChartStyle.TEXT);
    g.setFont(Canvas.TITLE);
    Canvas.centred(g, title, width() / 2.0, PAD + 12);
    int left = PAD + rowLabelWidth;
    int top = PAD + 30 + 28;
    g.setFont(Canvas.LABEL_BOLD);
    for (int c = 0; c < columns.size(); c++) {
      String name = Canvas.elide(Canvas.LABEL_BOLD, columns.get(c), cellWidth - 8);
      Canvas.centred(g, name, left + (c + 0.5) * cellWidth, top - 14);
    }
    for (int r = 0; r < rows.size(); r++) {
      double y = top + r * CELL_HEIGHT;
      g.setFont(Canvas.LABEL);
      g.setColor(ChartStyle.TEXT);
      Canvas.rightAligned(g, Canvas.elide(Canvas.LABEL, rows.get(r), rowLabelWidth - 12), left - 10,
          y + CELL_HEIGHT / 2.0);
      double best = best(values[r]);
      for (int c = 0; c < columns.size(); c++) {
        double v = values[r][c];
        Color fill = Colormap.BLUES.at(Double.isNaN(v) ? Double.NaN : (v - min) / (max - min));
        Rectangle2D cell = new Rectangle2D.Double(left + c * cellWidth, y, cellWidth, CELL_HEIGHT);
        g.setColor(fill);
        g.fill(cell);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2f));
        g.draw(cell);
        g.setColor(Colormap.textOn(fill));
        boolean isBest = !Double.isNaN(v) && v == best;
        g.setFont(isBest ? Canvas.LABEL_BOLD : Canvas.LABEL);
        Canvas.centred(g, Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v),
            cell.getCenterX(), cell.getCenterY());
      }
    }
    paintScale(g, top + Math.max(rows.size(), 1) * CELL_HEIGHT + 18);
  }

  /** The colour bar under the table, labelled at both ends. */
  private void paintScale(Graphics2D g, int y) {
    int barWidth = 240;
    int x = (width() - barWidth) / 2;
    for (int i = 0; i < barWidth; i++) {
      g.setColor(Colormap.BLUES.at(i / (barWidth - 1.0)));
      g.fillRect(x + i, y, 1, 12);
    }
    g.setColor(ChartStyle.MUTED);
    g.setFont(Canvas.SMALL);
    Canvas.rightAligned(g, ChartNumbers.format(min) + (min > 0 ? " or less" : ""), x - 6, y + 6);
    Canvas.leftAligned(g, ChartNumbers.format(max), x + barWidth + 6, y + 6);
    Canvas.centred(g, "best of each row in bold", width() / 2.0, y + 28);
  }

  private double best(double[] row) {
    double best = Double.NaN;
    for (double v : row) {
      if (!Double.isNaN(v) && (Double.isNaN(best) || (higherIsBetter ? v > best : v < best))) {
        best = v;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "HeatmapChart[" + title + ", " + rows.size() + " x " + columns.size() + "]";
  }

  List<String> rows() {
    return rows;
  }

  List<String> columns() {
    return columns;
  }
}

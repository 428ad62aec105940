package ad.eval.chart;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A critical-difference diagram (Demšar 2006): the detectors' average ranks over datasets on an axis
 * (rank 1, the best, on the left), a bar as long as the critical difference of the Nemenyi test, and
 * thick lines joining each maximal group of detectors whose ranks differ by less than the critical
 * difference, i.e. that the test cannot tell apart. The better half is labelled on the left, the
 * rest on the right, each name with its average rank.
 *
 * <p>Detectors with a NaN rank are left out and named under the axis. A NaN critical difference
 * (fewer than two datasets, say) draws the ranks without bar or groups.
 */
public final class CriticalDifferenceChart implements Drawing {

  static {
    Headless.ensure();
  }

  public static final int WIDTH = 900;
  private static final int PAD = 20;
  private static final int ROW = 26;
  private static final int LABEL_SPACE = 230;

  private final String title;
  private final List<Entry> entries;
  private final List<String> unranked;
  private final double criticalDifference;
  private final int maxRank;

  private record Entry(String name, double rank) {}

  /**
   * @param names detector names
   * @param averageRanks the average rank of each detector over the datasets (1 = best)
   * @param criticalDifference the Nemenyi critical difference at the chosen alpha, or NaN
   */
  public CriticalDifferenceChart(String title, List<String> names, double[] averageRanks,
      double criticalDifference) {
    if (names.size() != averageRanks.length) {
      throw new IllegalArgumentException(names.size() + " names for " + averageRanks.length + " ranks");
    }
    this.title = title == null ? "" : title;
    List<Entry> ranked = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < averageRanks.length; i++) {
      if (Double.isFinite(averageRanks[i])) {
        ranked.add(new Entry(names.get(i), averageRanks[i]));
      } else {
        missing.add(names.get(i));
      }
    }
    // Stable sort: equal ranks keep the caller's order, so the picture is deterministic.
    ranked.sort(Comparator.comparingDouble(Entry::rank));
    this.entries = List.copyOf(ranked);
    this.unranked = List.copyOf(missing);
    this.criticalDifference = criticalDifference;
    double top = Math.max(names.size(), ranked.stream().mapToDouble(Entry::rank).max().orElse(1));
    this.maxRank = Math.max(2, (int) Math.ceil(top));
  }

  @Override
  public int width() {
    return WIDTH;
  }

  @Override
  public int height() {
    int perSide = (entries.size() + 1) / 2;
    return axisY() + 28 + cliques().size() * 10 + perSide * ROW + (unranked.isEmpty() ? 0 : 26) + PAD;
  }

  private int axisY() {
    return PAD + 30 + (Double.isFinite(criticalDifference) ? 44 : 16) + 16;
  }

  private double x(double rank) {
    double left = PAD + LABEL_SPACE;
    double right = WIDTH - PAD - LABEL_SPACE;
    return left + (rank - 1) / (maxRank - 1) * (right - left);
  }

  @Override
  public void paint(Graphics2D g) {
    g.setColor(ChartStyle.TEXT);
    g.setFont(Canvas.TITLE);
    Canvas.centred(g, title, WIDTH / 2.0, PAD + 10);
    int axis = axisY();
    paintAxis(g, axis);
    if (Double.isFinite(criticalDifference) && criticalDifference > 0) {
      paintCdBar(g, axis - 40);
    }
    List<int[]> cliques = cliques();
    double cliqueTop = axis + 18;
    g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(ChartStyle.TEXT);
    for (int k = 0; k < cliques.size(); k++) {
      int[] c = cliques.get(k);
      double y = cliqueTop + k * 10;
      g.draw(new Line2D.Double(x(entries.get(c[0]).rank()) - 4, y, x(entries.get(c[1]).rank()) + 4, y));
    }
    double labelsTop = cliqueTop + cliques.size() * 10 + 12;
    int half = (entries.size() + 1) / 2;
    g.setStroke(new BasicStroke(1.2f));
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      boolean leftSide = i < half;
      int slot = leftSide ? i : entries.size() - 1 - i;
      double y = labelsTop + slot * ROW + ROW / 2.0;
      double ex = x(e.rank());
      double end = leftSide ? PAD + LABEL_SPACE - 14 : WIDTH - PAD - LABEL_SPACE + 14;
      g.setColor(ChartStyle.TEXT);
      g.draw(new Line2D.Double(ex, axis, ex, y));
      g.draw(new Line2D.Double(ex, y, end, y));
      String label = String.format(Locale.ROOT, "%.2f", e.rank());
      double nameSpace = LABEL_SPACE - 70;
      g.setFont(Canvas.LABEL);
      if (leftSide) {
        Canvas.rightAligned(g, Canvas.elide(Canvas.LABEL, e.name(), nameSpace) + "  " + label, end - 6, y);
      } else {
        Canvas.leftAligned(g, label + "  " + Canvas.elide(Canvas.LABEL, e.name(), nameSpace), end + 6, y);
      }
    }
    if (!unranked.isEmpty()) {
      g.setFont(Canvas.SMALL);
      g.setColor(ChartStyle.MUTED);
      Canvas.centred(g, "not ranked (no result): " + String.join(", ", unranked), WIDTH / 2.0,
          height() - PAD - 8);
    }
  }

  private void paintAxis(Graphics2D g, int y) {
    g.setColor(ChartStyle.TEXT);
    g.setStroke(new BasicStroke(1.5f));
    g.draw(new Line2D.Double(x(1), y, x(maxRank), y));
    g.setFont(Canvas.SMALL);
    for (int r = 1; r <= maxRank; r++) {
      g.draw(new Line2D.Double(x(r), y - 7, x(r), y));
      Canvas.centred(g, Integer.toString(r), x(r), y - 15);
      if (r < maxRank) {
        g.draw(new Line2D.Double(x(r + 0.5), y - 4, x(r + 0.5), y));
      }
    }
    g.setColor(ChartStyle.MUTED);
    Canvas.rightAligned(g, "average rank (1 = best)", x(1) - 24, y - 15);
  }

  private void paintCdBar(Graphics2D g, int y) {
    double from = x(1);
    double to = x(Math.min(1 + criticalDifference, maxRank));
    g.setColor(ChartStyle.TEXT);
    g.setStroke(new BasicStroke(2f));
    g.draw(new Line2D.Double(from, y, to, y));
    g.draw(new Line2D.Double(from, y - 5, from, y + 5));
    g.draw(new Line2D.Double(to, y - 5, to, y + 5));
    g.setFont(Canvas.SMALL);
    String text = "CD = " + String.format(Locale.ROOT, "%.2f", criticalDifference)
        + (1 + criticalDifference > maxRank ? " (beyond the axis)" : "");
    Canvas.leftAligned(g, text, to + 8, y);
  }

  /**
   * The maximal runs {@code [first, last]} of rank-sorted detectors whose ranks lie within less than
   * the critical difference of each other, excluding runs of one and runs inside a longer one.
   */
  List<int[]> cliques() {
    List<int[]> out = new ArrayList<>();
    if (!(criticalDifference > 0)) {
      return out;
    }
    int lastEnd = -1;
    for (int i = 0; i < entries.size(); i++) {
      int j = i;
      while (j + 1 < entries.size() && entries.get(j + 1).rank() - entries.get(i).rank() < criticalDifference) {
        j++;
      }
      if (j > i && j > lastEnd) {
        out.add(new int[] {i, j});
        lastEnd = j;
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "CriticalDifferenceChart[" + title + ", " + entries.size() + " ranked, cliques "
        + cliques().stream().map(Arrays::toString).toList() + "]";
  }
}

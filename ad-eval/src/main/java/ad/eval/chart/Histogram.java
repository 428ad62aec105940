package ad.eval.chart;

import java.util.Arrays;

/** Bin edges, bin counts, and the outline that draws counts as bars on an XY chart. */
final class Histogram {

  private Histogram() {}

  /** {@code bins + 1} equally spaced edges; the last is exactly {@code hi} so the maximum is never lost to rounding. */
  static double[] linearEdges(double lo, double hi, int bins) {
    double[] edges = new double[bins + 1];
    double width = (hi - lo) / bins;
    for (int i = 0; i < bins; i++) {
      edges[i] = lo + i * width;
    }
    edges[bins] = hi;
    return edges;
  }

  /** {@code bins + 1} geometrically spaced edges for a log axis, where equal widths on screen are equal ratios. */
  static double[] logEdges(double lo, double hi, int bins) {
    double[] edges = new double[bins + 1];
    double logLo = Math.log(lo);
    double step = (Math.log(hi) - logLo) / bins;
    edges[0] = lo;
    for (int i = 1; i < bins; i++) {
      edges[i] = Math.exp(logLo + i * step);
    }
    edges[bins] = hi;
    return edges;
  }

  /**
   * How many values fall in each bin. Bins are half-open {@code [e_i, e_i+1)} except the last, which also
   * takes its right edge. Values outside {@code [e_0, e_n]} are not counted; the caller reports them.
   */
  static long[] count(double[] values, double[] edges) {
    int bins = edges.length - 1;
    long[] counts = new long[bins];
    double lo = edges[0];
    double hi = edges[bins];
    for (double v : values) {
      if (!(v >= lo && v <= hi)) {
        continue;
      }
      int at = Arrays.binarySearch(edges, v);
      int bin = at >= 0 ? Math.min(at, bins - 1) : -at - 2;
      counts[bin]++;
    }
    return counts;
  }

  /**
   * The staircase outline of bars of the given heights, closed down to zero at both ends, as
   * {@code {x, y}}. Filled as an XChart polygon this gives real histogram bars with exact shared edges,
   * independent of how XChart's step styles place their points.
   */
  static double[][] outline(double[] edges, double[] heights) {
    int bins = heights.length;
    double[] x = new double[2 * bins + 2];
    double[] y = new double[2 * bins + 2];
    x[0] = edges[0];
    y[0] = 0;
    for (int i = 0; i < bins; i++) {
      x[2 * i + 1] = edges[i];
      y[2 * i + 1] = heights[i];
      x[2 * i + 2] = edges[i + 1];
      y[2 * i + 2] = heights[i];
    }
    x[2 * bins + 1] = edges[bins];
    y[2 * bins + 1] = 0;
    return new double[][] {x, y};
  }

  /** The value at fraction {@code q} of the sorted values, interpolating linearly between neighbours. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int below = (int) Math.floor(pos);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (pos - below) * (sorted[above] - sorted[below]);
  }
}

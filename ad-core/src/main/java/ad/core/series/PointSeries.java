package ad.core.series;

import ad.core.Threshold;

/**
 * The evaluated points of one file: the points covered by scored windows, past the file's training
 * points, in order.
 *
 * @param file the file name
 * @param points each point's index in its file
 * @param labels each point's label
 * @param scores each point's score, aggregated over the windows that cover it
 */
public record PointSeries(String file, int[] points, boolean[] labels, double[] scores) {

  public int size() {
    return points.length;
  }

  /** {@code threshold} applied to every point score. */
  public boolean[] predictions(Threshold threshold) {
    boolean[] out = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = threshold.isAnomalous(scores[i]);
    }
    return out;
  }
}

package ad.eval.metrics.series;

import java.util.List;

/**
 * Point-wise, point-adjusted and event-wise metrics of one series, or of several pooled by summing
 * their counts. See the package documentation for the definitions.
 */
public final class SeriesMetrics {
  private SeriesMetrics() {}

  /** Point-wise counts (precision, recall, F1, FAR, MAR). */
  public static PointCounts pointwise(boolean[] labels, boolean[] predictions) {
    return PointCounts.of(labels, predictions);
  }

  /** Point-wise counts summed over files. */
  public static PointCounts pointwise(List<boolean[]> labels, List<boolean[]> predictions) {
    sameFiles(labels, predictions);
    PointCounts sum = PointCounts.ZERO;
    for (int f = 0; f < labels.size(); f++) {
      sum = sum.plus(pointwise(labels.get(f), predictions.get(f)));
    }
    return sum;
  }

  /** Point-wise counts after {@link #adjust point adjustment}. */
  public static PointCounts pointAdjusted(boolean[] labels, boolean[] predictions) {
    return PointCounts.of(labels, adjust(labels, predictions));
  }

  /** Point-adjusted counts summed over files. */
  public static PointCounts pointAdjusted(List<boolean[]> labels, List<boolean[]> predictions) {
    sameFiles(labels, predictions);
    PointCounts sum = PointCounts.ZERO;
    for (int f = 0; f < labels.size(); f++) {
      sum = sum.plus(pointAdjusted(labels.get(f), predictions.get(f)));
    }
    return sum;
  }

  /**
   * The predictions with every labelled segment that has a flagged point flagged entirely; points
   * outside segments are unchanged. A new array.
   */
  public static boolean[] adjust(boolean[] labels, boolean[] predictions) {
    sameLength(labels, predictions);
    boolean[] out = predictions.clone();
    for (Segments.Segment s : Segments.of(labels)) {
      if (anyFlagged(predictions, s)) {
        java.util.Arrays.fill(out, s.start(), s.end(), true);
      }
    }
    return out;
  }

  /** Event-wise counts: one TP or FN per labelled segment, one FP per flagged normal point. */
  public static EventCounts eventWise(boolean[] labels, boolean[] predictions) {
    sameLength(labels, predictions);
    long detected = 0;
    long missed = 0;
    for (Segments.Segment s : Segments.of(labels)) {
      if (anyFlagged(predictions, s)) {
        detected++;
      } else {
        missed++;
      }
    }
    long falseAlarms = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predictions[i] && !labels[i]) {
        falseAlarms++;
      }
    }
    return new EventCounts(detected, missed, falseAlarms);
  }

  /** Event-wise counts summed over files. */
  public static EventCounts eventWise(List<boolean[]> labels, List<boolean[]> predictions) {
    sameFiles(labels, predictions);
    EventCounts sum = EventCounts.ZERO;
    for (int f = 0; f < labels.size(); f++) {
      sum = sum.plus(eventWise(labels.get(f), predictions.get(f)));
    }
    return sum;
  }

  private static boolean anyFlagged(boolean[] predictions, Segments.Segment s) {
    for (int i = s.start(); i < s.end(); i++) {
      if (predictions[i]) {
        return true;
      }
    }
    return false;
  }

  static void sameLength(boolean[] labels, boolean[] predictions) {
    if (labels.length != predictions.length) {
      throw new IllegalArgumentException(labels.length + " labels but " + predictions.length
          + " predictions");
    }
  }

  private static void sameFiles(List<boolean[]> labels, List<boolean[]> predictions) {
    if (labels.size() != predictions.size()) {
      throw new IllegalArgumentException(labels.size() + " label series but " + predictions.size()
          + " prediction series");
    }
  }
}

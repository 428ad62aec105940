package ad.eval.metrics.series;

/**
 * Event-wise counts: labelled segments detected or missed, and flagged points outside any segment.
 *
 * @param detected labelled segments with at least one flagged point (true positives)
 * @param missed labelled segments with no flagged point (false negatives)
 * @param falseAlarms flagged points outside every labelled segment (false positives, per point)
 */
public record EventCounts(long detected, long missed, long falseAlarms) {
  public static final EventCounts ZERO = new EventCounts(0, 0, 0);

  public EventCounts {
    if (detected < 0 || missed < 0 || falseAlarms < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  public EventCounts plus(EventCounts other) {
    return new EventCounts(detected + other.detected, missed + other.missed,
        falseAlarms + other.falseAlarms);
  }

  public long events() {
    return detected + missed;
  }

  /** {@code detected / (detected + falseAlarms)}; NaN when nothing is flagged. */
  public double precision() {
    return PointCounts.ratio(detected, detected + falseAlarms);
  }

  /** {@code detected / events}; NaN without labelled segments. */
  public double recall() {
    return PointCounts.ratio(detected, detected + missed);
  }

  /** {@code 2 detected / (2 detected + falseAlarms + missed)}: the harmonic mean of the two above. */
  public double f1() {
    return PointCounts.ratio(2 * detected, 2 * detected + falseAlarms + missed);
  }
}

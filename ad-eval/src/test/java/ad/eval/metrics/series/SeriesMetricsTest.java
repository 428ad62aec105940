package ad.eval.metrics.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesMetricsTest {
  /** Parses "0011100" into a boolean array. */
  private static boolean[] b(String bits) {
    boolean[] out = new boolean[bits.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bits.charAt(i) == '1';
    }
    return out;
  }

  // Labels: two segments, [2, 5) and [8, 10). Predictions: one hit in the first segment, none in the
  // second, false alarms at 0 and 6.
  private static final boolean[] LABELS = b("0011100011");
  private static final boolean[] PREDICTIONS = b("1001001000");

  @Test
  void pointwiseCountsAndSkabRates() {
    PointCounts c = SeriesMetrics.pointwise(LABELS, PREDICTIONS);
    assertEquals(new PointCounts(1, 2, 3, 4), c);
    assertEquals(1.0 / 3, c.precision(), 1e-12);
    assertEquals(1.0 / 5, c.recall(), 1e-12);
    assertEquals(2.0 / (2 + 2 + 4), c.f1(), 1e-12);
    assertEquals(2.0 / 5, c.falseAlarmRate(), 1e-12);
    assertEquals(4.0 / 5, c.missedAlarmRate(), 1e-12);
  }

  @Test
  void pointAdjustmentFillsDetectedSegmentsOnly() {
    assertArrayEquals(b("1011101000"), SeriesMetrics.adjust(LABELS, PREDICTIONS));
    PointCounts c = SeriesMetrics.pointAdjusted(LABELS, PREDICTIONS);
    assertEquals(new PointCounts(3, 2, 3, 2), c);
    assertEquals(6.0 / (6 + 2 + 2), c.f1(), 1e-12);
  }

  @Test
  void eventWiseCountsSegmentsOnceAndFalseAlarmsPerPoint() {
    EventCounts c = SeriesMetrics.eventWise(LABELS, PREDICTIONS);
    assertEquals(new EventCounts(1, 1, 2), c);
    assertEquals(1.0 / 3, c.precision(), 1e-12);
    assertEquals(0.5, c.recall(), 1e-12);
    assertEquals(2.0 / (2 + 2 + 1), c.f1(), 1e-12);
    // Flagging every point of a segment still counts it once.
    assertEquals(new EventCounts(2, 0, 0), SeriesMetrics.eventWise(LABELS, LABELS));
  }

  @Test
  void filesArePooledBySummingCountsSoSegmentsNeverJoin() {
    // File 1 ends inside a segment and file 2 starts inside one: two events, not one.
    List<boolean[]> labels = List.of(b("0011"), b("1100"));
    List<boolean[]> predictions = List.of(b("0001"), b("0000"));
    assertEquals(new EventCounts(1, 1, 0), SeriesMetrics.eventWise(labels, predictions));
    assertEquals(new PointCounts(1, 0, 4, 3), SeriesMetrics.pointwise(labels, predictions));
    assertEquals(new PointCounts(2, 0, 4, 2), SeriesMetrics.pointAdjusted(labels, predictions));
  }

  @Test
  void undefinedRatiosAreNaN() {
    PointCounts nothing = SeriesMetrics.pointwise(b("000"), b("000"));
    assertTrue(Double.isNaN(nothing.precision()));
    assertTrue(Double.isNaN(nothing.recall()));
    assertTrue(Double.isNaN(nothing.f1()));
    assertTrue(Double.isNaN(nothing.missedAlarmRate()));
    assertEquals(0.0, nothing.falseAlarmRate());
    assertTrue(Double.isNaN(SeriesMetrics.eventWise(b("00"), b("00")).recall()));
    assertEquals(0.0, SeriesMetrics.eventWise(b("01"), b("00")).f1());
  }

  @Test
  void segmentsAndLengthChecks() {
    assertEquals(List.of(new Segments.Segment(2, 5), new Segments.Segment(8, 10)), Segments.of(LABELS));
    assertEquals(List.of(new Segments.Segment(0, 3)), Segments.of(b("111")));
    assertThrows(IllegalArgumentException.class, () -> SeriesMetrics.pointwise(b("01"), b("0")));
    assertThrows(IllegalArgumentException.class,
        () -> SeriesMetrics.eventWise(List.of(b("0")), List.of()));
  }
}

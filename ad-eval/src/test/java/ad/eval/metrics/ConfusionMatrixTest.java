package ad.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void countsAndRatesByHand() {
    boolean[] labels = {T, T, T, F, F, F, F, F};
    boolean[] flagged = {T, T, F, T, T, F, F, F};
    // rows 0,1: tp; row 2: fn; rows 3,4: fp; rows 5,6,7: tn
    ConfusionMatrix m = ConfusionMatrix.of(labels, flagged);
    assertEquals(new ConfusionMatrix(2, 2, 3, 1), m);
    assertEquals(8, m.total());
    assertEquals(0.5, m.precision(), 1e-15); // 2 / (2 + 2)
    assertEquals(2.0 / 3, m.recall(), 1e-15); // 2 / (2 + 1)
    assertEquals(4.0 / 7, m.f1(), 1e-15); // 2*2 / (2*2 + 2 + 1) = 2 * 0.5 * 2/3 / (0.5 + 2/3)
    assertEquals(0.4, m.falsePositiveRate(), 1e-15); // 2 / (2 + 3)
    assertEquals(0.625, m.accuracy(), 1e-15); // (2 + 3) / 8
  }

  @Test
  void nothingFlaggedMakesPrecisionNaNButF1Zero() {
    ConfusionMatrix m = ConfusionMatrix.of(new boolean[] {T, F}, new boolean[] {F, F});
    assertEquals(new ConfusionMatrix(0, 0, 1, 1), m);
    assertTrue(Double.isNaN(m.precision())); // 0 / 0
    assertEquals(0.0, m.recall());
    assertEquals(0.0, m.f1()); // 0 / (0 + 0 + 1)
    assertEquals(0.0, m.falsePositiveRate());
    assertEquals(0.5, m.accuracy());
  }

  @Test
  void noAnomaliesMakesRecallAndF1NaN() {
    ConfusionMatrix quiet = ConfusionMatrix.of(new boolean[] {F, F}, new boolean[] {F, F});
    assertTrue(Double.isNaN(quiet.recall()));
    assertTrue(Double.isNaN(quiet.f1()));
    assertTrue(Double.isNaN(quiet.precision()));
    assertEquals(1.0, quiet.accuracy());

    ConfusionMatrix noisy = ConfusionMatrix.of(new boolean[] {F, F}, new boolean[] {T, F});
    assertEquals(0.0, noisy.precision());
    assertTrue(Double.isNaN(noisy.recall()));
    assertEquals(0.0, noisy.f1()); // 0 / (0 + 1 + 0)
    assertEquals(0.5, noisy.falsePositiveRate());
  }

  @Test
  void emptyAndAllAnomalousInputs() {
    ConfusionMatrix empty = ConfusionMatrix.of(new boolean[0], new boolean[0]);
    assertTrue(Double.isNaN(empty.accuracy()));
    assertTrue(Double.isNaN(empty.falsePositiveRate()));
    ConfusionMatrix anomalous = ConfusionMatrix.of(new boolean[] {T, T}, new boolean[] {T, F});
    assertTrue(Double.isNaN(anomalous.falsePositiveRate())); // no normal rows
    assertEquals(1.0, anomalous.precision());
  }

  @Test
  void rejectsMismatchedLengthsAndNegativeCounts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(new boolean[3], new boolean[2]));
    assertTrue(e.getMessage().contains("3 != 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(1, -1, 0, 0));
  }

  @Test
  void agreesWithSmile() {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      boolean[] labels = Fixtures.labels(random, 500, 0.2);
      boolean[] flagged = new boolean[labels.length];
      for (int i = 0; i < flagged.length; i++) {
        // Better than chance, so that every rate is defined and not trivially 0 or 1.
        flagged[i] = random.nextDouble() < (labels[i] ? 0.7 : 0.1);
      }
      int[] truth = Fixtures.ints(labels);
      int[] prediction = Fixtures.ints(flagged);
      ConfusionMatrix m = ConfusionMatrix.of(labels, flagged);
      assertEquals(smile.validation.metric.Precision.of(truth, prediction), m.precision(), 1e-12);
      assertEquals(smile.validation.metric.Recall.of(truth, prediction), m.recall(), 1e-12);
      assertEquals(smile.validation.metric.FScore.of(1.0, truth, prediction), m.f1(), 1e-12);
      assertEquals(smile.validation.metric.Fallout.of(truth, prediction), m.falsePositiveRate(),
          1e-12);
      assertEquals(smile.validation.metric.Accuracy.of(truth, prediction), m.accuracy(), 1e-12);
    }
  }
}

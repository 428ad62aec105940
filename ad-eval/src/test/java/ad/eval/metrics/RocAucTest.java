package ad.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocAucTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void sklearnDocumentedExample() {
    // anomalies 0.35, 0.8 against normal 0.1, 0.4: 0.35 beats 0.1 only, 0.8 beats both: 3 of 4 pairs.
    boolean[] labels = {F, F, T, T};
    double[] scores = {0.1, 0.4, 0.35, 0.8};
    assertEquals(0.75, RocAuc.of(labels, scores), 1e-15);
  }

  @Test
  void tiesCountOneHalf() {
    // anomalies {3, 2, 1}, normal {3, 1, 0}.
    // Pairs: 3 vs {3, 1, 0} = 0.5 + 1 + 1; 2 vs {3, 1, 0} = 0 + 1 + 1; 1 vs {3, 1, 0} = 0 + 0.5 + 1.
    // 6 of 9 = 2/3. Ranks: 0 -> 1; 1, 1 -> 2.5; 2 -> 4; 3, 3 -> 5.5; anomalies 2.5 + 4 + 5.5 = 12;
    // U = 12 - 3*4/2 = 6; 6 / (3*3) = 2/3.
    boolean[] labels = {T, F, T, F, T, F};
    double[] scores = {3, 3, 2, 1, 1, 0};
    assertEquals(2.0 / 3, RocAuc.of(labels, scores), 1e-15);
  }

  @Test
  void allTiedIsChanceAndReversedIsComplement() {
    boolean[] labels = {T, F, F, T, F};
    assertEquals(RocAuc.CHANCE, RocAuc.of(labels, new double[] {7, 7, 7, 7, 7}));
    double[] scores = {0.9, 0.2, 0.4, 0.4, 0.1};
    double[] negated = {-0.9, -0.2, -0.4, -0.4, -0.1};
    // anomalies 0.9, 0.4 vs normal 0.2, 0.4, 0.1: 3 + (1 + 0.5 + 1) = 5.5 of 6
    assertEquals(5.5 / 6, RocAuc.of(labels, scores), 1e-15);
    assertEquals(1 - 5.5 / 6, RocAuc.of(labels, negated), 1e-15);
  }

  @Test
  void singleClassIsNaN() {
    assertTrue(Double.isNaN(RocAuc.of(new boolean[] {T, T}, new double[] {1, 2})));
    assertTrue(Double.isNaN(RocAuc.of(new boolean[] {F, F}, new double[] {1, 2})));
    assertTrue(Double.isNaN(RocAuc.of(new boolean[0], new double[0])));
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class,
        () -> RocAuc.of(new boolean[2], new double[3]));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RocAuc.of(new boolean[] {T, F, T, F, F},
            new double[] {1, Double.NaN, 2, Double.POSITIVE_INFINITY, 0}));
    assertTrue(e.getMessage().startsWith("2 of 5 scores"), e.getMessage());
  }

  @Test
  void agreesWithSmileAndPairCountingWithAndWithoutTies() {
    for (int seed = 0; seed < 10; seed++) {
      for (int levels : new int[] {0, 1, 4}) {
        Random random = new Random(seed);
        boolean[] labels = Fixtures.labels(random, 400, 0.15);
        double[] scores = Fixtures.scores(random, labels, levels);
        double auc = RocAuc.of(labels, scores);
        String where = "seed " + seed + ", levels " + levels;
        assertEquals(smile.validation.metric.AUC.of(Fixtures.ints(labels), scores), auc, 1e-12,
            where);
        assertEquals(Fixtures.pairwiseAuc(labels, scores), auc, 1e-12, where);
      }
    }
  }

  @Test
  void largeUninformativeInputIsNearChance() {
    // 500k rows, the size of the biggest test sets: also a check that this stays O(n log n).
    Random random = new Random(42);
    boolean[] labels = Fixtures.labels(random, 500_000, 0.1);
    double[] scores = new double[labels.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextInt(1000); // heavy ties
    }
    // Null std of AUC here is about sqrt((P + N + 1) / (12 P N)) ~ 0.0014.
    assertEquals(RocAuc.CHANCE, RocAuc.of(labels, scores), 0.01);
    assertEquals(AveragePrecision.chance(labels), AveragePrecision.of(labels, scores), 0.01);
  }
}

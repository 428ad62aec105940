package ad.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocAucCiTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void delongByHand() {
    // Anomalies {0.8, 0.6, 0.4}, normal rows {0.5, 0.3, 0.7}.
    // V10 (share of normal rows each anomaly beats): 3/3, 2/3, 1/3; mean = AUC = 2/3.
    // V01 (share of anomalies above each normal row): 0.5 -> 2/3, 0.3 -> 1, 0.7 -> 1/3.
    // S10 = S01 = ((1/3)^2 + 0 + (1/3)^2) / 2 = 1/9; var = 1/9 / 3 + 1/9 / 3 = 2/27.
    // se = sqrt(2/27) = 0.2721655; 95%: 2/3 -+ 1.959964 * 0.2721655 = [0.1332, 1.2001 -> 1].
    boolean[] labels = {T, T, T, F, F, F};
    double[] scores = {0.8, 0.6, 0.4, 0.5, 0.3, 0.7};
    RocAucCi ci = RocAucCi.of(labels, scores);
    assertEquals(2.0 / 3, ci.auc(), 1e-15);
    assertEquals(Math.sqrt(2.0 / 27), ci.standardError(), 1e-15);
    assertEquals(2.0 / 3 - 1.959963984540054 * Math.sqrt(2.0 / 27), ci.lower(), 1e-12);
    assertEquals(1.0, ci.upper());
  }

  @Test
  void hanleyMcNeilRatingExample() {
    // Hanley and McNeil (Radiology 1982, table 1): CT ratings 1..5 of 58 normal and 51 abnormal
    // cases; the published area is 0.893. Their own (exponential-model) standard error is 0.032;
    // DeLong's non-parametric one is close to it.
    int[] normal = {33, 6, 6, 11, 2};
    int[] abnormal = {3, 2, 2, 11, 33};
    int n = 109;
    boolean[] labels = new boolean[n];
    double[] scores = new double[n];
    int row = 0;
    for (int rating = 0; rating < 5; rating++) {
      for (int k = 0; k < normal[rating]; k++) {
        scores[row++] = rating + 1;
      }
      for (int k = 0; k < abnormal[rating]; k++) {
        labels[row] = true;
        scores[row++] = rating + 1;
      }
    }
    RocAucCi ci = RocAucCi.of(labels, scores);
    assertEquals(0.893, ci.auc(), 5e-4);
    assertEquals(0.032, ci.standardError(), 0.004);
    assertEquals(RocAuc.of(labels, scores), ci.auc(), 1e-15);
  }

  @Test
  void agreesWithTheDefinitionOnTiedData() {
    Random random = new Random(2);
    boolean[] labels = Fixtures.labels(random, 120, 0.3);
    double[] scores = Fixtures.scores(random, labels, 2);
    // DeLong 1988 by the O(P N) definition: psi = 1, 1/2, 0 per pair.
    int p = 0;
    for (boolean l : labels) {
      p += l ? 1 : 0;
    }
    int q = labels.length - p;
    double[] v10 = new double[p];
    double[] v01 = new double[q];
    int a = 0;
    for (int i = 0; i < labels.length; i++) {
      if (!labels[i]) {
        continue;
      }
      int b = 0;
      for (int j = 0; j < labels.length; j++) {
        if (labels[j]) {
          continue;
        }
        double psi = scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
        v10[a] += psi / q;
        v01[b] += psi / p;
        b++;
      }
      a++;
    }
    double auc = 0;
    for (double v : v10) {
      auc += v / p;
    }
    double s10 = 0;
    double s01 = 0;
    for (double v : v10) {
      s10 += (v - auc) * (v - auc) / (p - 1);
    }
    for (double v : v01) {
      s01 += (v - auc) * (v - auc) / (q - 1);
    }
    RocAucCi ci = RocAucCi.of(labels, scores, 0.9);
    assertEquals(auc, ci.auc(), 1e-12);
    assertEquals(Math.sqrt(s10 / p + s01 / q), ci.standardError(), 1e-12);
    assertEquals(0.9, ci.level());
    assertTrue(ci.lower() < ci.auc() && ci.auc() < ci.upper());
  }

  @Test
  void degenerateInput() {
    assertTrue(Double.isNaN(RocAucCi.of(new boolean[] {T, T}, new double[] {1, 2}).auc()));
    RocAucCi one = RocAucCi.of(new boolean[] {T, F, F}, new double[] {3, 1, 2});
    assertEquals(1.0, one.auc());
    assertTrue(Double.isNaN(one.lower()) && Double.isNaN(one.upper()));
    RocAucCi perfect = RocAucCi.of(new boolean[] {T, T, F, F}, new double[] {4, 3, 2, 1});
    assertEquals(0.0, perfect.standardError());
    assertEquals(1.0, perfect.lower());
    assertThrows(IllegalArgumentException.class,
        () -> RocAucCi.of(new boolean[] {T, F}, new double[] {1, Double.NaN}));
    assertThrows(IllegalArgumentException.class,
        () -> RocAucCi.of(new boolean[] {T, F}, new double[] {1, 2}, 1.0));
  }
}

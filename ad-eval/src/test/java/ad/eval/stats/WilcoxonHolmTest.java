package ad.eval.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

class WilcoxonHolmTest {

  @Test
  void demsarC45AgainstC45m() {
    // Table 2: the two zero differences (lung cancer, mushroom) share ranks 1 and 2 and are split;
    // R+ = 3.5 + 9 + 12 + 5 + 6 + 14 + 11 + 13 + 8 + 10 + 1.5 = 93, R- = 7 + 3.5 + 1.5 = 12, T = 12,
    // below the critical value 21 for N = 14 at 5%: C4.5+m is significantly better.
    WilcoxonSignedRank w = WilcoxonSignedRank.of(Demsar2006.column(0), Demsar2006.column(1));
    assertEquals(93.0, w.rPlus());
    assertEquals(12.0, w.rMinus());
    assertEquals(12.0, w.t());
    assertEquals(14, w.n());
    assertTrue(w.exact());
    assertTrue(w.pValue() < 0.05, "p " + w.pValue());
  }

  @Test
  void criticalValueForFourteenPairsIs21() {
    // Tables of Wilcoxon's T: N = 14, two-sided 5%: reject when T <= 21. Ranks 1..14, no ties.
    double[] ranks = new double[14];
    for (int i = 0; i < 14; i++) {
      ranks[i] = i + 1;
    }
    assertTrue(WilcoxonSignedRank.exactP(ranks, 21) <= 0.05);
    assertTrue(WilcoxonSignedRank.exactP(ranks, 22) > 0.05);
    // The sum is symmetric: R+ = 105 - 21 is as extreme as 21.
    assertEquals(WilcoxonSignedRank.exactP(ranks, 21), WilcoxonSignedRank.exactP(ranks, 84),
        1e-15);
  }

  @Test
  void exactPAgreesWithCommonsMathWithoutTiesOrZeros() {
    Random random = new Random(4);
    WilcoxonSignedRankTest commons = new WilcoxonSignedRankTest();
    for (int trial = 0; trial < 20; trial++) {
      // Commons Math enumerates all 2^n sign patterns: keep n small.
      int n = 5 + random.nextInt(12);
      double[] a = new double[n];
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = random.nextDouble();
        b[i] = random.nextDouble() + 0.1;
      }
      WilcoxonSignedRank w = WilcoxonSignedRank.of(a, b);
      assertEquals(commons.wilcoxonSignedRankTest(a, b, true), w.pValue(), 1e-12, "n " + n);
      assertEquals(commons.wilcoxonSignedRank(a, b), Math.max(w.rPlus(), w.rMinus()), 1e-12);
    }
  }

  @Test
  void normalApproximationIsCloseToExactAtTheSwitch() {
    double[] ranks = new double[50];
    for (int i = 0; i < 50; i++) {
      ranks[i] = i + 1;
    }
    // E = 637.5, sd = sqrt(sum r^2 / 4) = 103.6; 450 is 1.81 sd below.
    assertEquals(WilcoxonSignedRank.exactP(ranks, 450), WilcoxonSignedRank.normalP(ranks, 450),
        0.005);
    double[] a = new double[60];
    double[] b = new double[60];
    for (int i = 0; i < 60; i++) {
      a[i] = i;
      b[i] = i + (i % 3 == 0 ? -1 : 1) * (i + 1);
    }
    assertFalse(WilcoxonSignedRank.of(a, b).exact());
  }

  @Test
  void degenerateInput() {
    WilcoxonSignedRank same = WilcoxonSignedRank.of(new double[] {1, 2, 3}, new double[] {1, 2, 3});
    // Three zeros: ranks 2, 2, 2 split evenly: R+ = R- = 3, p = 1.
    assertEquals(3.0, same.rPlus());
    assertEquals(1.0, same.pValue());
    assertThrows(IllegalArgumentException.class,
        () -> WilcoxonSignedRank.of(new double[] {1}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> WilcoxonSignedRank.of(new double[] {1, Double.NaN}, new double[] {1, 2}));
  }

  @Test
  void holmByHand() {
    // Sorted: 0.005 * 4 = 0.02; 0.01 * 3 = 0.03; 0.03 * 2 = 0.06; 0.04 * 1 = 0.04 -> kept at 0.06.
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02.
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
        Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-15);
    assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.7}));
    assertArrayEquals(new double[0], Holm.adjust(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {Double.NaN}));
  }

  @Test
  void pairwiseOverDemsarsTable() {
    List<PairwiseWilcoxon> pairs = PairwiseWilcoxon.of(Demsar2006.AUC);
    assertEquals(6, pairs.size());
    assertEquals(0, pairs.get(0).first());
    assertEquals(1, pairs.get(0).second());
    assertEquals(12.0, pairs.get(0).test().t());
    double[] raw = pairs.stream().mapToDouble(p -> p.test().pValue()).toArray();
    double[] holm = Holm.adjust(raw);
    for (int i = 0; i < pairs.size(); i++) {
      assertEquals(holm[i], pairs.get(i).holmP());
      assertTrue(pairs.get(i).holmP() >= raw[i]);
    }
  }
}

package ad.eval.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FriedmanNemenyiTest {

  @Test
  void demsarAverageRanks() {
    // Table 6: 3.143, 2.000, 2.893, 1.964, i.e. rank sums 44, 28, 40.5, 27.5 over 14 data sets.
    Ranks ranks = Ranks.of(Demsar2006.AUC);
    assertArrayEquals(new double[] {44 / 14.0, 28 / 14.0, 40.5 / 14, 27.5 / 14}, ranks.average(),
        1e-12);
    // Mushroom: all four tie at (1 + 2 + 3 + 4) / 4 = 2.5.
    assertArrayEquals(new double[] {2.5, 2.5, 2.5, 2.5}, ranks.ranks()[9]);
    // Iris: 0.936 first, the two 0.931 share 2.5, 0.916 last.
    assertArrayEquals(new double[] {1, 2.5, 4, 2.5}, ranks.ranks()[5]);
  }

  @Test
  void demsarFriedmanStatistics() {
    // chi2_F = 12 * 14 / (4 * 5) * (3.143^2 + 2^2 + 2.893^2 + 1.964^2 - 4 * 5^2 / 4) = 9.28;
    // F_F = 13 * 9.28 / (14 * 3 - 9.28) = 3.69, above F(3, 39)'s 5% critical value 2.85.
    FriedmanTest f = FriedmanTest.of(Demsar2006.AUC);
    assertEquals(9.28, f.chiSquare(), 0.005);
    assertEquals(3.69, f.f(), 0.005);
    assertTrue(f.fP() < 0.05 && f.fP() > 0.01, "p " + f.fP());
    assertTrue(f.chiSquareP() < 0.05, "p " + f.chiSquareP());
    // Exactly: 8.4 * (sum of squared mean ranks - 25).
    double[] r = {44 / 14.0, 2, 40.5 / 14, 27.5 / 14};
    double chi2 = 8.4 * (r[0] * r[0] + r[1] * r[1] + r[2] * r[2] + r[3] * r[3] - 25);
    assertEquals(chi2, f.chiSquare(), 1e-12);
    assertEquals(13 * chi2 / (42 - chi2), f.f(), 1e-12);
  }

  @Test
  void demsarCriticalDifference() {
    // CD = 2.569 * sqrt(4 * 5 / (6 * 14)) = 1.25: C4.5 (3.143) is worse than C4.5+m+cf (1.964) by
    // 1.179 < 1.25, so Nemenyi does not separate them at 5% (the paper's conclusion).
    assertEquals(1.25, Nemenyi.criticalDifference(4, 14, 0.05), 0.005);
    assertEquals(2.569 * Math.sqrt(20.0 / 84), Nemenyi.criticalDifference(Ranks.of(
        Demsar2006.AUC)), 1e-12);
    // At 10%: 2.291 * 0.48795 = 1.12, and 1.179 > 1.12 (also as in the paper).
    assertEquals(1.12, Nemenyi.criticalDifference(4, 14, 0.10), 0.005);
  }

  @Test
  void computedStudentizedRangeReproducesDemsarsTable() {
    double[] q05 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
    double[] q10 = {1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920};
    for (int k = 2; k <= 10; k++) {
      assertEquals(q05[k - 2], StudentizedRange.quantile(k, 0.95) / Math.sqrt(2), 1.5e-3, "k " + k);
      assertEquals(q10[k - 2], StudentizedRange.quantile(k, 0.90) / Math.sqrt(2), 1.5e-3, "k " + k);
      assertEquals(q05[k - 2], Nemenyi.q(k, 0.05));
    }
    // Beyond the table it is computed, and keeps growing with k.
    assertTrue(Nemenyi.q(11, 0.05) > 3.164 && Nemenyi.q(11, 0.05) < 3.3);
  }

  @Test
  void perfectAgreementAndTooLittleData() {
    double[][] agree = {{3, 2, 1}, {3, 2, 1}, {3, 2, 1}};
    FriedmanTest f = FriedmanTest.of(agree);
    // chi2 = 12 * 3 / 12 * (1 + 4 + 9 - 12) = 6 = N (k - 1): F infinite.
    assertEquals(6.0, f.chiSquare(), 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, f.f());
    assertEquals(0.0, f.fP());
    double[][] same = {{1, 1}, {2, 2}, {3, 3}};
    assertEquals(0.0, FriedmanTest.of(same).chiSquare());
    assertEquals(1.0, FriedmanTest.of(same).chiSquareP(), 1e-12);
    assertFalse(FriedmanTest.applies(2, 5));
    assertThrows(IllegalArgumentException.class, () -> FriedmanTest.of(new double[][] {{1, 2}, {
        1, 2}}));
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> FriedmanTest.of(new double[][] {{1, 2}, {1, Double.NaN}, {2, 1}}));
    assertTrue(nan.getMessage().contains("detector 1 on data set 1"), nan.getMessage());
  }

  @Test
  void seedSummary() {
    // {1, 2, 3, 4}: mean 2.5; squares 2.25 + 0.25 + 0.25 + 2.25 = 5; sample std sqrt(5 / 3).
    SeedSummary s = SeedSummary.of(new double[] {1, 2, 3, 4});
    assertEquals(2.5, s.mean());
    assertEquals(Math.sqrt(5.0 / 3), s.std(), 1e-15);
    assertEquals(4, s.n());
    assertTrue(Double.isNaN(SeedSummary.of(new double[] {7}).std()));
    assertEquals(7.0, SeedSummary.of(new double[] {7}).mean());
    assertTrue(Double.isNaN(SeedSummary.of(new double[] {1, Double.NaN}).mean()));
  }
}

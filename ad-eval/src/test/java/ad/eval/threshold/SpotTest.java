package ad.eval.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.UserException;
import ad.core.registry.OptionException;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class SpotTest {

  /** n plotting positions (i - 0.5) / n pushed through a GPD quantile function: a "perfect" sample. */
  private static double[] gpdSample(double shape, double scale, int n) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double survival = 1 - (i + 0.5) / n;
      y[i] = new Gpd(shape, scale).quantile(survival);
    }
    return y;
  }

  @Test
  void quantileByHand() {
    // scale / shape * (p^-shape - 1) = 2 / 0.5 * (0.01^-0.5 - 1) = 4 * 9 = 36; exponential: -log p.
    assertEquals(36.0, new Gpd(0.5, 2).quantile(0.01), 1e-12);
    assertEquals(Math.log(100), new Gpd(0, 1).quantile(0.01), 1e-12);
  }

  @Test
  void grimshawRecoversTheShapeAndScale() {
    Gpd heavy = Gpd.fit(gpdSample(0.3, 2, 2000));
    assertEquals(0.3, heavy.shape(), 0.03);
    assertEquals(2.0, heavy.scale(), 0.1);
    Gpd bounded = Gpd.fit(gpdSample(-0.2, 1, 2000));
    assertEquals(-0.2, bounded.shape(), 0.03);
    assertEquals(1.0, bounded.scale(), 0.05);
    Gpd exponential = Gpd.fit(gpdSample(0, 1, 2000));
    assertEquals(0.0, exponential.shape(), 0.03);
    assertEquals(1.0, exponential.scale(), 0.05);
  }

  @Test
  void theFitIsALikelihoodMaximum() {
    double[] y = gpdSample(0.25, 1.5, 500);
    Gpd fit = Gpd.fit(y);
    double best = fit.logLikelihood(y);
    for (double ds : new double[] {-0.01, 0.01}) {
      for (double dc : new double[] {0.99, 1.01}) {
        assertTrue(new Gpd(fit.shape() + ds, fit.scale() * dc).logLikelihood(y) <= best);
      }
    }
  }

  @Test
  void thresholderExtrapolatesTheNormalTail() {
    // 5000 ideal N(0, 1) scores; the 1 - 1e-4 quantile of N(0, 1) is 3.719, beyond the largest
    // reference score (3.54): a percentile cannot get there, the GPD tail does.
    NormalDistribution normal = new NormalDistribution();
    double[] x = new double[5000];
    for (int i = 0; i < x.length; i++) {
      x[i] = normal.inverseCumulativeProbability((i + 0.5) / x.length);
    }
    double t = new SpotThresholder(null, null).fit(Refs.of(x)).value();
    assertTrue(t > 3.55 && t < 4.2, "threshold " + t);
  }

  @Test
  void thresholdIsTheEvtFormula() {
    double[] x = new double[1000];
    Random random = new Random(1);
    for (int i = 0; i < x.length; i++) {
      x[i] = -Math.log(1 - random.nextDouble());
    }
    Spot spot = Spot.calibrate(x, 0.98, 1e-3);
    // z = t + sigma / gamma * ((q n / N_t)^-gamma - 1), n = 1000, N_t = 20.
    assertEquals(20, spot.peaks());
    double p = 1e-3 * 1000 / 20;
    double expected = spot.initialThreshold() + (spot.shape() == 0 ? -spot.scale() * Math.log(p)
        : spot.scale() / spot.shape() * (Math.pow(p, -spot.shape()) - 1));
    assertEquals(expected, spot.threshold(), 1e-12);
  }

  @Test
  void streamingFollowsAShrinkingTail() {
    // Calibrated on N(0, 2^2), then fed N(0, 1): peaks over t (about 2 * 2.05) become rare while n
    // grows, so the tail probability q n / N_t of z rises and z falls towards t. (A tail that grows
    // is followed more slowly: scores above z are flagged and not learnt from, as in the paper.)
    Random random = new Random(7);
    double[] initial = new double[1000];
    for (int i = 0; i < initial.length; i++) {
      initial[i] = 2 * random.nextGaussian();
    }
    Spot spot = Spot.calibrate(initial, 0.98, 1e-3);
    double before = spot.threshold();
    int flagged = 0;
    for (int i = 0; i < 8000; i++) {
      flagged += spot.update(random.nextGaussian()) ? 1 : 0;
    }
    assertTrue(spot.threshold() < before - 0.5, before + " -> " + spot.threshold());
    assertTrue(spot.threshold() > spot.initialThreshold());
    assertEquals(0, flagged);
    assertEquals(9000, spot.observations());
    assertTrue(spot.update(1000.0), "a huge score is an anomaly");
    assertEquals(9000, spot.observations(), "an anomaly is not counted");
  }

  @Test
  void dspotFollowsADriftingLevel() {
    Random random = new Random(3);
    double[] initial = new double[1050];
    for (int i = 0; i < initial.length; i++) {
      initial[i] = 0.004 * i + random.nextGaussian();
    }
    Spot dspot = Spot.calibrate(initial, 0.98, 1e-3, 50);
    Spot spot = Spot.calibrate(initial, 0.98, 1e-3);
    int dspotFlags = 0;
    int spotFlags = 0;
    for (int i = initial.length; i < initial.length + 2000; i++) {
      // The level climbs by 8 over the stream, about 8 standard deviations.
      double x = 0.004 * i + random.nextGaussian();
      dspotFlags += dspot.update(x) ? 1 : 0;
      // Plain SPOT on the last 300 scores, whose level has drifted past its threshold for good.
      // (On the whole stream it would also pass: it refits on every score in the band between t
      // and z, which the drift crosses slowly, so it is just slow to run.)
      spotFlags += i >= initial.length + 1700 && spot.update(x) ? 1 : 0;
    }
    assertTrue(dspotFlags < 20, "dspot flagged " + dspotFlags + " normal scores");
    assertTrue(spotFlags > 290, "spot without drift handling flagged only " + spotFlags);
    double level = 0.004 * (initial.length + 2000);
    assertTrue(dspot.update(level + 15), "a spike over the drifted level");
    assertFalse(dspot.update(level), "the drifted level itself");
    assertEquals(level, dspot.absoluteThreshold() - dspot.threshold(), 1.0);
  }

  @Test
  void degenerateInput() {
    assertEquals(2.0, new SpotThresholder(null, null).fit(Refs.of(2, 2, 2)).value());
    UserException few = assertThrows(UserException.class,
        () -> new SpotThresholder(null, null).fit(Refs.oneTo(100)));
    assertTrue(few.getMessage().contains("at least 10") && few.getMessage().contains("got 2 of 100"),
        few.getMessage());
    UserException risky = assertThrows(UserException.class,
        () -> new SpotThresholder(0.9, 0.2).fit(Refs.oneTo(200)));
    assertTrue(risky.getMessage().contains("risk"), risky.getMessage());
    assertThrows(UserException.class,
        () -> new SpotThresholder(null, null).fit(Refs.of(1, Double.NaN)));
    assertThrows(IllegalArgumentException.class,
        () -> Spot.calibrate(Refs.oneTo(1000).values(), 0.98, 1e-4).update(Double.NaN));
    assertEquals("initial_quantile", assertThrows(OptionException.class,
        () -> new SpotThresholder(1.0, null)).field());
    assertEquals("risk", assertThrows(OptionException.class,
        () -> new SpotThresholder(null, 0.0)).field());
  }
}

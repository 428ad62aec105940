package ad.eval.threshold;

import ad.core.stats.Quantiles;
import ad.core.Scores;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.core.UserException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.Positive;

/**
 * A two-component Gaussian mixture fitted to the reference scores by EM; the threshold is the score
 * between the two means where the upper component becomes the more probable one, i.e. where {@code w1
 * N(x; m1, v1) = w2 N(x; m2, v2)} (the Bayes boundary of the mixture).
 *
 * <p>Deterministic: EM starts from the 25th and 75th percentiles as means, the overall variance for
 * both components and equal weights, so the same scores always give the same threshold (no seed).
 * It stops after {@code max_iterations} or when the log-likelihood gains less than {@code tolerance}
 * relative to its magnitude. Each variance is kept above {@code 1e-6} times the overall variance so
 * that a component cannot collapse onto one repeated score (where the likelihood is unbounded).
 *
 * <p>Degenerate input: at least 10 scores (five parameters); constant scores give that constant; if
 * the fitted components do not cross between their means (one dominates everywhere, as on clearly
 * unimodal scores with a lopsided fit) there is no boundary and the fit fails with a
 * {@link UserException} that suggests a unimodal rule. Like {@link OtsuThresholder}, it is meant for
 * scores that contain both classes; on normal-only scores it splits the normal distribution.
 *
 * @param maxIterations EM iterations at most, {@code >= 1}; default 200
 * @param tolerance relative log-likelihood gain at which EM stops, {@code > 0}; default 1e-10
 * @see "A. P. Dempster, N. M. Laird and D. B. Rubin, Maximum likelihood from incomplete data via the
 *     EM algorithm, J. R. Stat. Soc. B 39 (1977) 1-38"
 */
public record GmmThresholder(
    @JsonPropertyDescription("most EM iterations") @Positive Integer maxIterations,
    @JsonPropertyDescription("EM stops when the relative log-likelihood gain falls below this") @Positive
    Double tolerance) implements Thresholder {
  static final String NAME = "gmm";
  static final int MINIMUM_SCORES = 10;

  public GmmThresholder {
    maxIterations = Options.positive("max_iterations", Options.orDefault(maxIterations, 200));
    tolerance = Options.positive("tolerance", Options.orDefault(tolerance, 1e-10));
  }

  @Override
  public Threshold fit(Scores reference) {
    double[] x = ReferenceScores.sorted(reference, NAME, MINIMUM_SCORES);
    if (x[0] == x[x.length - 1]) {
      return ReferenceScores.constant(x[0], NAME);
    }
    Mixture m = Mixture.fit(x, maxIterations, tolerance);
    double boundary = m.boundary();
    if (Double.isNaN(boundary)) {
      throw new UserException("the gmm thresholder found no boundary: its two components (means "
          + m.mean1() + " and " + m.mean2() + ") do not cross between their means, so the scores look "
          + "unimodal; use mean_std, mad or percentile instead");
    }
    return new Threshold(boundary, "gmm boundary (means " + m.mean1() + ", " + m.mean2()
        + "; weights " + m.weight1() + ", " + m.weight2() + ")");
  }

  /** A fitted two-component mixture, component 1 the lower mean. */
  record Mixture(double weight1, double mean1, double variance1, double weight2, double mean2,
      double variance2, int iterations) {

    static Mixture fit(double[] sorted, int maxIterations, double tolerance) {
      int n = sorted.length;
      double mean = 0;
      for (double v : sorted) {
        mean += v;
      }
      mean /= n;
      double variance = 0;
      for (double v : sorted) {
        variance += (v - mean) * (v - mean);
      }
      variance /= n;
      double floor = 1e-6 * variance;
      double m1 = Quantiles.linear(sorted, 0.25);
      double m2 = Quantiles.linear(sorted, 0.75);
      if (m1 == m2) {
        m1 = sorted[0];
        m2 = sorted[n - 1];
      }
      double v1 = variance;
      double v2 = variance;
      double w1 = 0.5;
      double previous = Double.NEGATIVE_INFINITY;
      double[] r = new double[n];
      int it = 0;
      while (it < maxIterations) {
        it++;
        // E step in log space: responsibilities of component 1, and the log-likelihood.
        double logLikelihood = 0;
        for (int i = 0; i < n; i++) {
          double a = Math.log(w1) + logNormal(sorted[i], m1, v1);
          double b = Math.log(1 - w1) + logNormal(sorted[i], m2, v2);
          double top = Math.max(a, b);
          double log = top + Math.log(Math.exp(a - top) + Math.exp(b - top));
          r[i] = Math.exp(a - log);
          logLikelihood += log;
        }
        // M step.
        double s1 = 0;
        double sum1 = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
          s1 += r[i];
          sum1 += r[i] * sorted[i];
          sum2 += (1 - r[i]) * sorted[i];
        }
        double s2 = n - s1;
        if (s1 < 1e-12 || s2 < 1e-12) {
          break; // one component has emptied: keep the last two-component fit
        }
        m1 = sum1 / s1;
        m2 = sum2 / s2;
        double q1 = 0;
        double q2 = 0;
        for (int i = 0; i < n; i++) {
          q1 += r[i] * (sorted[i] - m1) * (sorted[i] - m1);
          q2 += (1 - r[i]) * (sorted[i] - m2) * (sorted[i] - m2);
        }
        v1 = Math.max(floor, q1 / s1);
        v2 = Math.max(floor, q2 / s2);
        w1 = s1 / n;
        if (logLikelihood - previous <= tolerance * Math.abs(logLikelihood)) {
          break;
        }
        previous = logLikelihood;
      }
      return m1 <= m2 ? new Mixture(w1, m1, v1, 1 - w1, m2, v2, it)
          : new Mixture(1 - w1, m2, v2, w1, m1, v1, it);
    }

    /**
     * The x in [mean1, mean2] where both weighted densities are equal, or NaN if there is none. The
     * log-ratio is a quadratic {@code a x^2 + b x + c} (linear for equal variances).
     */
    double boundary() {
      double a = 1 / (2 * variance2) - 1 / (2 * variance1);
      double b = mean1 / variance1 - mean2 / variance2;
      double c = mean2 * mean2 / (2 * variance2) - mean1 * mean1 / (2 * variance1)
          + Math.log(weight1 / weight2) - 0.5 * Math.log(variance1 / variance2);
      if (Math.abs(a) < 1e-12 * (Math.abs(b) + Math.abs(c) + 1e-300) || a == 0) {
        return b == 0 ? Double.NaN : within(-c / b);
      }
      double d = b * b - 4 * a * c;
      if (d < 0) {
        return Double.NaN;
      }
      // The numerically stable pair of roots.
      double q = -0.5 * (b + Math.copySign(Math.sqrt(d), b));
      double r1 = within(q / a);
      double r2 = q == 0 ? Double.NaN : within(c / q);
      return Double.isNaN(r1) ? r2 : r1;
    }

    private double within(double x) {
      return x >= mean1 && x <= mean2 ? x : Double.NaN;
    }

    private static double logNormal(double x, double mean, double variance) {
      return -0.5 * Math.log(2 * Math.PI * variance) - (x - mean) * (x - mean) / (2 * variance);
    }
  }
}

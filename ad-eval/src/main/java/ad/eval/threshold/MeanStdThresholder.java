package ad.eval.threshold;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code mean + k * std} of the reference scores, the classic "k sigma" rule.
 *
 * <p>{@code std} is the population standard deviation (divisor n, numpy's default {@code ddof=0}), not
 * the sample one (n - 1): the reference scores are the whole population the rule describes, not an
 * estimate for another. It is computed in two passes (mean first, then squared deviations from it),
 * which avoids the cancellation of the one-pass formula when scores are large and close together.
 *
 * <p>It needs at least 2 reference scores: a "spread" of one score is 0 and would put the threshold
 * on that one score. When every reference score is the same the threshold is exactly that value
 * (std 0 by construction, not a rounding residue), so none of them is flagged ({@code score >
 * threshold}) and any higher score is.
 *
 * @param k how many standard deviations above the mean; default 3, must be finite and {@code >= 0}
 *     (a negative k would put the threshold below the mean of normal scores)
 */
public record MeanStdThresholder(
    @JsonPropertyDescription("how many standard deviations above the mean the threshold lies")
    @PositiveOrZero Double k) implements Thresholder {
  static final String NAME = "mean_std";
  static final int MINIMUM_SCORES = 2;

  public MeanStdThresholder {
    k = Options.nonNegative("k", Options.orDefault(k, 3.0));
  }

  @Override
  public Threshold fit(Scores reference) {
    double[] x = ReferenceScores.require(reference, NAME, MINIMUM_SCORES);
    double min = x[0];
    double max = x[0];
    double sum = 0;
    for (double v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    double mean;
    double std;
    if (min == max) {
      // Summing n copies of c and dividing by n need not give c back (0.1 * 10 / 10); pin it.
      mean = min;
      std = 0;
    } else {
      mean = sum / x.length;
      double squares = 0;
      for (double v : x) {
        squares += (v - mean) * (v - mean);
      }
      std = Math.sqrt(squares / x.length);
    }
    return new Threshold(mean + k * std, "mean + " + k + " * std");
  }
}

package ad.eval.threshold;

import ad.core.stats.Quantiles;
import ad.core.Scores;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Tukey's fence {@code Q3 + k * (Q3 - Q1)}, the quartiles being numpy's linear percentiles 25 and 75
 * of the reference scores. Robust to a few extreme reference scores, unlike {@link
 * MeanStdThresholder}.
 *
 * <p>It needs at least 4 reference scores (fewer cannot have distinct quartiles that are not the
 * extremes themselves). Constant scores give that constant; scores whose quartiles coincide (more than
 * half of them equal) give {@code Q3}, so every score above the common value is flagged: that is what
 * the rule says, and the rule string shows {@code IQR 0} so a report can tell.
 *
 * @param k the fence multiplier, finite and {@code >= 0}; default 1.5 (Tukey's inner fence; 3 is the
 *     outer fence)
 * @see "J. W. Tukey, Exploratory Data Analysis, Addison-Wesley, 1977"
 */
public record IqrThresholder(
    @JsonPropertyDescription("how many interquartile ranges above the third quartile") @PositiveOrZero
    Double k) implements Thresholder {
  static final String NAME = "iqr";
  static final int MINIMUM_SCORES = 4;

  public IqrThresholder {
    k = Options.nonNegative("k", Options.orDefault(k, 1.5));
  }

  @Override
  public Threshold fit(Scores reference) {
    double[] x = ReferenceScores.sorted(reference, NAME, MINIMUM_SCORES);
    if (x[0] == x[x.length - 1]) {
      return ReferenceScores.constant(x[0], NAME);
    }
    double q1 = Quantiles.linear(x, 0.25);
    double q3 = Quantiles.linear(x, 0.75);
    double iqr = q3 - q1;
    return new Threshold(q3 + k * iqr, "Q3 + " + k + " * IQR (Q3 " + q3 + ", IQR " + iqr + ")");
  }
}

package ad.eval.threshold;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code median + k * 1.4826 * MAD} of the reference scores: the robust counterpart of {@link
 * MeanStdThresholder}. {@code 1.4826 = 1 / Phi^-1(0.75)} scales the MAD so that on normal data it
 * estimates the standard deviation, so {@code k} means "standard deviations" in both rules, but a few
 * extreme reference scores barely move this one (breakdown point 50%).
 *
 * <p>Degenerate input: at least 2 scores; constant scores give that constant; a zero MAD of
 * non-constant scores (more than half equal to the median) falls back to the mean absolute deviation
 * as described in {@link RobustScale}, and the rule string says so.
 *
 * @param k how many scaled MADs above the median; finite and {@code >= 0}, default 3
 * @see "P. J. Rousseeuw and C. Croux, Alternatives to the median absolute deviation, JASA 88 (1993)"
 * @see "C. Leys et al., Detecting outliers: do not use standard deviation around the mean, use
 *     absolute deviation around the median, J. Exp. Soc. Psychol. 49 (2013) 764-766"
 */
public record MadThresholder(
    @JsonPropertyDescription("how many robust standard deviations (1.4826 MAD) above the median")
    @PositiveOrZero Double k) implements Thresholder {
  static final String NAME = "mad";
  static final int MINIMUM_SCORES = 2;

  public MadThresholder {
    k = Options.nonNegative("k", Options.orDefault(k, 3.0));
  }

  @Override
  public Threshold fit(Scores reference) {
    double[] x = ReferenceScores.sorted(reference, NAME, MINIMUM_SCORES);
    if (x[0] == x[x.length - 1]) {
      return ReferenceScores.constant(x[0], NAME);
    }
    RobustScale s = RobustScale.of(x);
    return new Threshold(s.median() + k * RobustScale.CONSISTENCY * s.mad(),
        "median + " + k + " * 1.4826 * MAD (median " + s.median() + ", " + s.describe() + ")");
  }
}

package ad.eval.threshold;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Iglewicz and Hoaglin's modified z-score: a score is flagged when {@code M = 0.6745 * (x - median) /
 * MAD > z}, so the threshold is {@code median + z * MAD / 0.6745}.
 *
 * <p>It is {@link MadThresholder} with the authors' rounded constant ({@code 1 / 0.6745 = 1.48258}
 * instead of {@code 1.482602}) and their recommended cut-off as default (3.5 rather than 3); it is
 * here under its own name because papers report it under that name. Degenerate input is handled as in
 * {@link MadThresholder}; in particular a zero MAD falls back to the mean absolute deviation, which is
 * the authors' own recommendation as implemented by IBM SPSS.
 *
 * @param z the cut-off on the modified z-score, finite and {@code >= 0}; default 3.5
 * @see "B. Iglewicz and D. C. Hoaglin, How to Detect and Handle Outliers, ASQC Basic References in
 *     Quality Control 16, 1993"
 */
public record ModifiedZScoreThresholder(
    @JsonPropertyDescription("the modified z-score above which a score is anomalous") @PositiveOrZero
    Double z) implements Thresholder {
  static final String NAME = "modified_zscore";
  static final int MINIMUM_SCORES = 2;
  static final double CONSTANT = 0.6745;

  public ModifiedZScoreThresholder {
    z = Options.nonNegative("z", Options.orDefault(z, 3.5));
  }

  @Override
  public Threshold fit(Scores reference) {
    double[] x = ReferenceScores.sorted(reference, NAME, MINIMUM_SCORES);
    if (x[0] == x[x.length - 1]) {
      return ReferenceScores.constant(x[0], NAME);
    }
    RobustScale s = RobustScale.of(x);
    // RobustScale's fallback is scaled for 1.4826; rescale it for this rule's 1 / 0.6745.
    double mad = s.usedMeanDeviation() ? s.mad() * RobustScale.CONSISTENCY * CONSTANT : s.mad();
    return new Threshold(s.median() + z * mad / CONSTANT, "modified z-score > " + z + " (median "
        + s.median() + ", " + s.describe() + ")");
  }
}

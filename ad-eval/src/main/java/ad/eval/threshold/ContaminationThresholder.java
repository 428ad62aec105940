package ad.eval.threshold;

import ad.core.stats.Quantiles;
import ad.core.Scores;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.core.registry.OptionException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * Flags the top {@code fraction} of the reference scores: the threshold is their {@code 1 - fraction}
 * quantile (numpy linear, as {@link PercentileThresholder}), the rule of PyOD's {@code contamination}.
 *
 * <p>On normal-only validation scores this is exactly {@code percentile} with {@code q = 100 * (1 -
 * fraction)}: it then flags a share {@code fraction} of normal rows, a false-alarm budget. Its natural
 * use is on contaminated scores (the training or the test set, which contain anomalies in about the
 * given fraction), where it flags about that share of all rows; the runner decides which scores are
 * the reference.
 *
 * @param fraction the share of rows to flag, in (0, 0.5]; default 0.1 (PyOD's default)
 */
public record ContaminationThresholder(
    @JsonPropertyDescription("the fraction of the reference scores flagged (the highest)")
    @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.5") Double fraction)
    implements Thresholder {
  static final String NAME = "contamination";

  public ContaminationThresholder {
    fraction = Options.orDefault(fraction, 0.1);
    if (!(fraction > 0 && fraction <= 0.5)) {
      throw new OptionException("fraction", "must be in (0, 0.5], got " + fraction);
    }
  }

  @Override
  public Threshold fit(Scores reference) {
    double[] x = ReferenceScores.sorted(reference, NAME, 1);
    return new Threshold(Quantiles.linear(x, 1 - fraction),
        "contamination " + fraction + " (quantile " + (1 - fraction) + ")");
  }
}

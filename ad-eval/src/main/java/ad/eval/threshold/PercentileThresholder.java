package ad.eval.threshold;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.core.registry.OptionException;
import ad.core.registry.Options;
import ad.core.stats.Quantiles;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import java.util.Arrays;

/**
 * The {@code q}-th percentile of the reference scores: about {@code 100 - q} percent of normal rows
 * like the reference ones are then flagged.
 *
 * <p>The percentile is numpy's default ({@link Quantiles#linear}, Hyndman and Fan's type 7), so
 * {@code q = 100} is the maximum, and one reference score is its own percentile.
 *
 * <p>Because the threshold flags scores strictly above it, {@code q = 100} flags no reference score.
 *
 * <p>{@code factor} multiplies the percentile: SKAB's reference autoencoders use the 99.9th percentile
 * of the training residuals times 4/3 ({@code q: 99.9, factor: 1.3333}).
 *
 * @param q the percentile, in (0, 100]; default 95
 * @param factor a finite multiplier > 0; default 1
 */
public record PercentileThresholder(
    @JsonPropertyDescription("the percentile of the reference scores")
    @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") Double q,
    @JsonPropertyDescription("multiplies the percentile (e.g. 1.2: 20% above it)") @Positive Double factor)
    implements Thresholder {
  static final String NAME = "percentile";
  static final int MINIMUM_SCORES = 1;

  public PercentileThresholder {
    q = Options.orDefault(q, 95.0);
    if (!(q > 0 && q <= 100)) {
      throw new OptionException("q", "must be in (0, 100], got " + q);
    }
    factor = Options.positive("factor", Options.orDefault(factor, 1.0));
  }

  public PercentileThresholder(Double q) {
    this(q, null);
  }

  @Override
  public Threshold fit(Scores reference) {
    double[] x = ReferenceScores.require(reference, NAME, MINIMUM_SCORES);
    Arrays.sort(x);
    double value = Quantiles.linear(x, q / 100);
    return factor == 1.0 ? new Threshold(value, "percentile " + q)
        : new Threshold(value * factor, "percentile " + q + " x " + factor);
  }
}

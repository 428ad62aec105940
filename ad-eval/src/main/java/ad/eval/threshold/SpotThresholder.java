package ad.eval.threshold;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.Thresholder;
import ad.core.registry.OptionException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * Peaks-over-threshold from extreme value theory (SPOT's calibration step): a generalised Pareto
 * distribution fitted to the reference scores above their {@code initial_quantile}, and the threshold
 * at the level that a normal score exceeds with probability {@code risk}. Unlike a percentile it can
 * extrapolate beyond the largest reference score, which is what a risk of {@code 1e-4} on a few
 * thousand scores needs.
 *
 * <p>This is the batch form the runner uses (fit once on reference scores, then apply); to follow a
 * stream of scores with drift, use {@link Spot} directly and call {@link Spot#update} per score.
 *
 * <p>Degenerate input: constant scores give that constant (no score exceeds the initial threshold);
 * fewer than {@link Spot#MINIMUM_PEAKS} scores above the initial threshold, or a risk not below their
 * share, is a {@link ad.core.UserException} saying what to change. With the default 0.98 quantile
 * that means at least about 500 reference scores.
 *
 * @param initialQuantile the quantile of the initial threshold, in (0, 1); default 0.98 (the paper's)
 * @param risk the probability q of a normal score exceeding the threshold, in (0, 1); default 1e-4
 * @see "A. Siffer, P.-A. Fouque, A. Termier and C. Largouet, Anomaly detection in streams with extreme
 *     value theory, KDD 2017"
 */
public record SpotThresholder(
    @JsonPropertyDescription("the quantile of the reference scores above which the tail is fitted "
        + "with a generalised Pareto distribution")
    @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
    Double initialQuantile,
    @JsonPropertyDescription("the probability of a normal score exceeding the threshold")
    @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double risk)
    implements Thresholder {
  static final String NAME = "spot";

  public SpotThresholder {
    initialQuantile = Options.orDefault(initialQuantile, 0.98);
    risk = Options.orDefault(risk, 1e-4);
    if (!(initialQuantile > 0 && initialQuantile < 1)) {
      throw new OptionException("initial_quantile", "must be in (0, 1), got " + initialQuantile);
    }
    if (!(risk > 0 && risk < 1)) {
      throw new OptionException("risk", "must be in (0, 1), got " + risk);
    }
  }

  @Override
  public Threshold fit(Scores reference) {
    double[] x = ReferenceScores.sorted(reference, NAME, 1);
    if (x[0] == x[x.length - 1]) {
      return ReferenceScores.constant(x[0], NAME);
    }
    Spot spot = Spot.calibrate(x, initialQuantile, risk);
    return new Threshold(spot.threshold(), "spot risk " + risk + " (t " + spot.initialThreshold()
        + ", gamma " + spot.shape() + ", sigma " + spot.scale() + ", " + spot.peaks() + " peaks)");
  }
}

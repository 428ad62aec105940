package ad.models.baseline;

import ad.core.registry.OptionException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

/**
 * Options of {@link PcaDetector}, bound from YAML (keys in snake_case). Give at most one of the two:
 * with neither, 95% of the training variance is kept.
 *
 * @param components the number of principal components kept; must not exceed the number of columns
 *     (checked when fitting, since only then the data is known)
 * @param variance keep the fewest leading components whose share of the training variance reaches
 *     this fraction; in (0, 1], default 0.95 when {@code components} is not given
 * @param score {@code reconstruction_error} (the default: the mean squared distance from the kept
 *     subspace, the linear autoencoder) or {@code mahalanobis} (the sum over kept components of the
 *     squared coordinate divided by that component's variance, Shyu et al. 2003; with
 *     {@code variance: 1.0} it is the row's Mahalanobis distance from the training mean, squared,
 *     which is close to what PyOD's PCA detector scores)
 */
public record PcaOptions(
    @JsonPropertyDescription("principal components kept (at most the columns); or give variance")
    @Positive Integer components,
    @JsonPropertyDescription("keep the fewest leading components whose share of the training variance "
        + "reaches this fraction") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
    Double variance,
    @JsonPropertyDescription("reconstruction_error (squared distance from the kept subspace) or "
        + "mahalanobis (Shyu et al. 2003)")
    PcaScore score) {

  public PcaOptions {
    if (components != null && variance != null) {
      throw new OptionException("components", "cannot be combined with 'variance': give the number of "
          + "components or the share of variance to keep, not both");
    }
    if (components != null) {
      Options.positive("components", components);
    } else {
      variance = Options.orDefault(variance, 0.95);
      if (!(variance > 0 && variance <= 1)) {
        throw new OptionException("variance", "must be a fraction in (0, 1], got " + variance);
      }
    }
    score = Options.orDefault(score, PcaScore.RECONSTRUCTION_ERROR);
  }

  /** Scored by reconstruction error. */
  public PcaOptions(Integer components, Double variance) {
    this(components, variance, null);
  }

  boolean mahalanobis() {
    return score == PcaScore.MAHALANOBIS;
  }

  /** Keep 95% of the variance. */
  public static PcaOptions defaults() {
    return new PcaOptions(null, null);
  }

  public static PcaOptions ofComponents(int components) {
    return new PcaOptions(components, null);
  }
}

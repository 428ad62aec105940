package ad.models.baseline;

import ad.core.registry.OptionException;
import ad.core.registry.Options;

/**
 * Options of {@link PcaDetector}, bound from YAML (keys in snake_case). Give at most one of the two:
 * with neither, 95% of the training variance is kept.
 *
 * @param components the number of principal components kept; must not exceed the number of columns
 *     (checked when fitting, since only then the data is known)
 * @param variance keep the fewest leading components whose share of the training variance reaches
 *     this fraction; in (0, 1], default 0.95 when {@code components} is not given
 */
public record PcaOptions(Integer components, Double variance) {

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
  }

  /** Keep 95% of the variance. */
  public static PcaOptions defaults() {
    return new PcaOptions(null, null);
  }

  public static PcaOptions ofComponents(int components) {
    return new PcaOptions(components, null);
  }
}

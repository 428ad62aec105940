package ad.models.baseline;

import ad.core.registry.OptionException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Options of {@link IsolationForestDetector}, bound from YAML (keys in snake_case). A null field takes
 * its default; every value is checked here. Give at most one of {@code max_samples} and
 * {@code subsample}: with neither, each tree is grown on at most 256 rows.
 *
 * @param trees number of isolation trees; default 100
 * @param maxSamples the rows each tree is grown on, {@code min(training rows, max_samples)}, drawn
 *     without replacement; at least 2, default 256 when {@code subsample} is not given. This is the
 *     sub-sampling size psi of Liu, Ting and Zhou (2008), who found 256 enough across a wide range of
 *     data, and scikit-learn's and PyOD's default; it also keeps a fit on hundreds of thousands of
 *     rows to well under a second
 * @param subsample instead of {@code max_samples}: the fraction of the training rows each tree is
 *     grown on (at least 2 rows), in (0, 1]. Smile's own default is 0.7, which on large tables makes
 *     deep trees and slow fits (minutes for 200 000 rows) for no better ranking
 * @param maxDepth the depth at which a tree stops splitting; 0 (the default) means
 *     {@code log2(rows per tree)}, the average depth of an unsuccessful search that Liu et al. use
 * @param extensionLevel 0 (the default) is the standard Isolation Forest with axis-parallel cuts;
 *     up to {@code columns - 1} gives the Extended Isolation Forest (Hariri et al.), whose cuts are
 *     hyperplanes with random slopes in that many more dimensions
 */
public record IsolationForestOptions(
    @JsonPropertyDescription("number of isolation trees") @Positive Integer trees,
    @JsonPropertyDescription("rows each tree is grown on (psi of Liu et al.), at most the training "
        + "rows; or give subsample") @Min(2) Integer maxSamples,
    @JsonPropertyDescription("instead of max_samples: the fraction of the training rows each tree is "
        + "grown on") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double subsample,
    @JsonPropertyDescription("depth at which a tree stops splitting; 0 = log2(rows per tree)")
    @PositiveOrZero Integer maxDepth,
    @JsonPropertyDescription("0: axis-parallel cuts (Isolation Forest); up to columns - 1: cuts with "
        + "random slopes in that many more dimensions (Extended Isolation Forest)")
    @PositiveOrZero Integer extensionLevel) {

  /** Rows per tree when neither {@code max_samples} nor {@code subsample} is given. */
  public static final int DEFAULT_MAX_SAMPLES = 256;

  public IsolationForestOptions {
    trees = Options.positive("trees", Options.orDefault(trees, 100));
    if (maxSamples != null && subsample != null) {
      throw new OptionException("max_samples", "cannot be combined with 'subsample': give the rows "
          + "per tree (max_samples) or the fraction of the training rows (subsample), not both");
    }
    if (subsample != null) {
      if (!(subsample > 0 && subsample <= 1)) {
        throw new OptionException("subsample", "must be a fraction in (0, 1], got " + subsample);
      }
    } else {
      maxSamples = Options.orDefault(maxSamples, DEFAULT_MAX_SAMPLES);
      if (maxSamples < 2) {
        // One row cannot be isolated from anything: the tree is a single leaf, the score undefined.
        throw new OptionException("max_samples", "must be at least 2 rows per tree, got " + maxSamples);
      }
    }
    maxDepth = Options.nonNegative("max_depth", Options.orDefault(maxDepth, 0));
    extensionLevel = Options.nonNegative("extension_level", Options.orDefault(extensionLevel, 0));
  }

  /** All defaults: 100 trees of at most 256 rows. */
  public static IsolationForestOptions defaults() {
    return new IsolationForestOptions(null, null, null, null, null);
  }

  /** The rows each tree is grown on, for {@code rows} training rows (at least 2). */
  int rowsPerTree(int rows) {
    if (subsample != null) {
      return Math.min(rows, Math.max(2, (int) Math.round(rows * subsample)));
    }
    return Math.min(rows, maxSamples);
  }
}

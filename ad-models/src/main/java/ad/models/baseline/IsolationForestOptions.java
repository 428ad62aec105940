package ad.models.baseline;

import ad.core.registry.Options;

/**
 * Options of {@link IsolationForestDetector}, bound from YAML (keys in snake_case). A null field takes
 * its default; every value is checked here.
 *
 * @param trees number of isolation trees; default 100
 * @param subsample fraction of the training rows each tree is grown on (drawn without replacement,
 *     at least 2 rows); in (0, 1], default 0.7 as in Smile
 * @param maxDepth the depth at which a tree stops splitting; 0 (the default) means
 *     {@code log2(rows per tree)}, the average depth of an unsuccessful search that Liu et al. use
 * @param extensionLevel 0 (the default) is the standard Isolation Forest with axis-parallel cuts;
 *     up to {@code columns - 1} gives the Extended Isolation Forest (Hariri et al.), whose cuts are
 *     hyperplanes with random slopes in that many more dimensions
 */
public record IsolationForestOptions(Integer trees, Double subsample, Integer maxDepth,
    Integer extensionLevel) {

  public IsolationForestOptions {
    trees = Options.positive("trees", Options.orDefault(trees, 100));
    subsample = Options.orDefault(subsample, 0.7);
    if (!(subsample > 0 && subsample <= 1)) {
      throw new ad.core.registry.OptionException("subsample", "must be in (0, 1], got " + subsample);
    }
    maxDepth = Options.nonNegative("max_depth", Options.orDefault(maxDepth, 0));
    extensionLevel = Options.nonNegative("extension_level", Options.orDefault(extensionLevel, 0));
  }

  /** All defaults. */
  public static IsolationForestOptions defaults() {
    return new IsolationForestOptions(null, null, null, null);
  }
}

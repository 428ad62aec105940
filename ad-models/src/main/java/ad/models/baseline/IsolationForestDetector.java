package ad.models.baseline;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.UserException;
import ad.core.persist.StateReader;
import java.util.Objects;

/**
 * Isolation Forest (Liu, Ting and Zhou 2008), or the Extended Isolation Forest (Hariri, Carrasco Kind
 * and Brunner 2021) with {@code extension_level > 0}: an anomaly is isolated by fewer random cuts than
 * a normal row. The score is {@code 2^(-mean path length / c(rows per tree))} in (0, 1], already
 * higher = more anomalous. The trees are ad's own ({@link IsolationTreeGrowth}): seeded per tree from
 * the fit's seed, with no global state, so fits run in parallel and give the same forest anywhere.
 *
 * <p><b>Rows per tree.</b> As in the paper and scikit-learn, each tree is grown on a small sample
 * ({@code max_samples}, 256 rows by default), so a fit takes milliseconds whatever the size of the
 * training set; {@code subsample} asks for a fraction of the rows instead.
 *
 * <p><b>Saved</b> as its trees (model format version 4), so a loaded forest gives the fitted one's
 * scores bit for bit; about 60 KB for 100 trees of 256 rows.
 */
public record IsolationForestDetector(IsolationForestOptions options) implements Detector {

  public IsolationForestDetector {
    Objects.requireNonNull(options, "options");
  }

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    Detector.requireNormalOnly(train);
    Rows.requireAtLeast(train, 2, "isolation_forest");
    if (options.extensionLevel() >= train.columns()) {
      throw new UserException("isolation_forest: 'extension_level' must be below the number of columns ("
          + train.columns() + " in '" + train.name() + "'), got " + options.extensionLevel());
    }
    int perTree = options.rowsPerTree(train.rows());
    int depth = options.maxDepth() > 0 ? options.maxDepth()
        : Math.max(1, (int) (Math.log(perTree) / Math.log(2)));
    return IsolationForestModel.fit(train, seed, options.trees(), perTree, depth, options.extensionLevel());
  }

  @Override
  public DetectorModel load(StateReader in) {
    return IsolationForestModel.load(in, options);
  }
}

package ad.models.baseline;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.UserException;
import ad.core.persist.StateReader;
import java.util.Objects;

/**
 * Isolation Forest (Liu, Ting and Zhou 2008; Smile's implementation, extended variant optional): an
 * anomaly is isolated by fewer random cuts than a normal row. The score is Smile's
 * {@code 2^(-mean path length / c(rows per tree))} in (0, 1], already higher = more anomalous.
 *
 * <p><b>Rows per tree.</b> As in the paper and scikit-learn, each tree is grown on a small sample
 * ({@code max_samples}, 256 rows by default), so a fit takes milliseconds whatever the size of the
 * training set; {@code subsample} asks for a fraction of the rows instead, as Smile does.
 *
 * <p><b>Determinism and threads.</b> Each tree's rows are drawn from its own stream, derived from the
 * fit's seed and the tree's index; each tree is then grown from a second derived seed, under a
 * JVM-wide lock because Smile's RNG and Gaussian cache are hidden state (see
 * {@link IsolationForestModel}). Fits and loads therefore grow trees one at a time; scoring does not
 * lock, since a grown forest is read-only.
 *
 * <p><b>Saved</b> as the rows each tree was grown on plus the growth seeds: Smile cannot rebuild a tree
 * from its nodes, but regrowing it from the same rows and seed gives the same tree. The file holds
 * up to {@code trees x rows per tree} rows (fewer when trees share rows), about 1 MB for 100 trees of
 * 256 rows of 10 columns.
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
    return IsolationForestModel.of(ForestRecipe.draw(train, seed, options.trees(), perTree, depth,
        options.extensionLevel()));
  }

  @Override
  public DetectorModel load(StateReader in) {
    return IsolationForestModel.load(in, options);
  }
}

package ad.models.baseline;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.Seeds;
import ad.core.UserException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;
import smile.stat.distribution.GaussianDistribution;

/**
 * Isolation Forest (Liu, Ting and Zhou 2008; Smile's implementation, extended variant optional): an
 * anomaly is isolated by fewer random cuts than a normal row. The score is Smile's
 * {@code 2^(-mean path length / c(rows per tree))} in (0, 1], already higher = more anomalous.
 *
 * <p><b>Rows per tree.</b> As in the paper and scikit-learn, each tree is grown on a small sample
 * ({@code max_samples}, 256 rows by default), so a fit takes well under a second whatever the size of
 * the training set; {@code subsample} asks for a fraction of the rows instead, as Smile does.
 *
 * <p><b>Determinism and threads.</b> Smile draws from two hidden sources: {@link MathEx}'s RNG, which
 * is per thread, and the shared singleton {@link GaussianDistribution}, which caches the second value
 * of each Box-Muller pair in a plain field. Smile's own {@code fit} grows trees on a parallel stream,
 * whose worker threads carry unseeded RNGs, so its forests differ from run to run. Here the trees
 * are grown one after the other on the calling thread, each after reseeding that thread's RNG with a
 * seed derived from the fit's seed and the tree's index and clearing the Gaussian cache; and all fits
 * in this JVM take one lock, because the Gaussian singleton is shared by every thread. Fits therefore
 * run one at a time (scoring does not lock: a fitted forest is read-only), and a fit reseeds the
 * calling thread's Smile RNG, which other Smile code running on that thread would notice.
 *
 * <p><b>Not saved.</b> Smile 3.1.1 grows an {@link IsolationTree} only from data (its nodes are
 * package-private, its root a private field), so a forest cannot be rebuilt from saved numbers without
 * Java serialisation or reflection on private fields; the model keeps {@code canSave()} false, and a
 * run that saves models warns that this type cannot be saved yet.
 */
public record IsolationForestDetector(IsolationForestOptions options) implements Detector {
  private static final Object SMILE_RNG_LOCK = new Object();

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
    double[][] rows = Rows.of(train);
    int n = rows.length;
    int perTree = options.rowsPerTree(n);
    int depth = options.maxDepth() > 0 ? options.maxDepth()
        : Math.max(1, (int) (Math.log(perTree) / Math.log(2)));
    IsolationTree[] trees = new IsolationTree[options.trees()];
    synchronized (SMILE_RNG_LOCK) {
      for (int k = 0; k < trees.length; k++) {
        MathEx.setSeed(Seeds.derive(seed, "isolation-tree-" + k));
        clearGaussianCache();
        int[] permutation = MathEx.permutate(n);
        List<double[]> sample = new ArrayList<>(perTree);
        for (int i = 0; i < perTree; i++) {
          sample.add(rows[permutation[i]]);
        }
        trees[k] = new IsolationTree(sample, depth, options.extensionLevel());
      }
    }
    // c(rows per tree) normalises path lengths as in the paper, where Smile's fit uses all rows; the
    // ranking of scores is the same either way.
    return new IsolationForestModel(new IsolationForest(perTree, options.extensionLevel(), trees),
        train.columns());
  }

  /**
   * Forgets the spare Box-Muller value that {@link GaussianDistribution#getInstance()} keeps between
   * calls, so a tree's slopes depend only on its seed, not on what was drawn before. The field is
   * private to Smile 3.1.1; should a later version rename it, the fit fails loudly rather than
   * silently losing reproducibility.
   */
  private static void clearGaussianCache() {
    try {
      Field spare = GaussianDistribution.class.getDeclaredField("z1");
      spare.setAccessible(true);
      spare.setDouble(GaussianDistribution.getInstance(), Double.NaN);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot reset Smile's Gaussian cache (GaussianDistribution.z1); "
          + "this Smile version is not supported by isolation_forest", e);
    }
  }

  /** A fitted forest; read-only, so scoring is safe from several threads. */
  private record IsolationForestModel(IsolationForest forest, int columns) implements DetectorModel {

    @Override
    public Scores score(Dataset data) {
      Rows.requireColumns(data, columns, "isolation_forest");
      double[][] rows = Rows.of(data);
      double[] scores = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        scores[i] = forest.score(rows[i]);
      }
      return new Scores(scores);
    }
  }
}

package ad.models.baseline;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.models.nn.Workers;
import java.lang.reflect.Field;
import java.util.Objects;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;
import smile.stat.distribution.GaussianDistribution;

/**
 * A fitted isolation forest: Smile's trees, and the {@link ForestRecipe} they were grown from, which
 * is what {@link #save} writes. Smile 3.1.1 builds an {@link IsolationTree} only from data (its nodes
 * are package-private, its root a private field), so a loaded model regrows its trees from the saved
 * rows and seeds; growth is deterministic, so the trees, and the scores, are bit-identical.
 *
 * <p>Immutable once grown: scoring only reads the trees, so it is safe from several threads and spreads
 * a large call over {@link Workers}.
 */
final class IsolationForestModel implements DetectorModel {
  /**
   * Growing a tree draws from Smile's per-thread RNG and from the Gaussian singleton that every thread
   * shares (see {@link #grow}), so all growth in this JVM takes turns.
   */
  private static final Object SMILE_RNG_LOCK = new Object();
  /** Rows per scoring batch: a few hundred rows walk a tree while its nodes are in cache. */
  private static final int BATCH_ROWS = 256;
  /** Euler's constant as Smile 3.1.1 writes it ({@code IsolationForest.EULER}). */
  private static final double EULER = 0.5772156649;

  private final ForestRecipe recipe;
  private final IsolationTree[] trees;
  /** {@code c(rows per tree)}: path lengths are normalised by the sample each tree saw. */
  private final double c;

  private IsolationForestModel(ForestRecipe recipe) {
    this.recipe = Objects.requireNonNull(recipe, "recipe");
    this.trees = grow(recipe);
    // c(rows per tree) normalises path lengths as in the paper, where Smile's fit uses all rows; the
    // ranking of scores is the same either way.
    this.c = averagePathLength(recipe.rowsPerTree());
  }

  /** Grows the forest {@code recipe} describes. */
  static IsolationForestModel of(ForestRecipe recipe) {
    return new IsolationForestModel(recipe);
  }

  /** Regrows a forest that {@link #save} wrote, checked against {@code options}. */
  static IsolationForestModel load(StateReader in, IsolationForestOptions options) {
    return new IsolationForestModel(ForestRecipe.load(in, options));
  }

  int rowsPerTree() {
    return recipe.rowsPerTree();
  }

  int depth() {
    return recipe.depth();
  }

  /** Smile's forest of these trees, for tests that compare its scores with {@link #score}. */
  IsolationForest smileForest() {
    return new IsolationForest(recipe.rowsPerTree(), recipe.extensionLevel(), trees.clone());
  }

  /**
   * Grows each tree on the calling thread right after setting that thread's Smile RNG to the tree's
   * growth seed and clearing the Gaussian cache, so a tree depends only on its rows and seed, not on
   * what was drawn before or on which thread. (Smile's own {@code fit} grows trees on a parallel
   * stream whose worker threads carry unseeded RNGs, so its forests differ from run to run.) This
   * reseeds the calling thread's Smile RNG, which other Smile code on that thread would notice.
   */
  private static IsolationTree[] grow(ForestRecipe recipe) {
    IsolationTree[] trees = new IsolationTree[recipe.trees()];
    synchronized (SMILE_RNG_LOCK) {
      for (int k = 0; k < trees.length; k++) {
        var rows = recipe.treeRows(k);
        MathEx.setSeed(recipe.growthSeeds()[k]);
        clearGaussianCache();
        trees[k] = new IsolationTree(rows, recipe.depth(), recipe.extensionLevel());
      }
    }
    return trees;
  }

  /**
   * Forgets the spare Box-Muller value that {@link GaussianDistribution#getInstance()} keeps between
   * calls, so a tree's slopes depend only on its seed. The field is private to Smile 3.1.1; should a
   * later version rename it, growing fails loudly rather than silently losing reproducibility.
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

  /**
   * Smile's {@code 2^(-mean path length / c(rows per tree))}, higher = more anomalous, bit for bit
   * what {@link IsolationForest#score(double[])} gives. Rows are scored in batches, tree after tree
   * within a batch: one tree's nodes then stay in cache while every row of the batch walks it, which
   * is two to three times faster than walking the whole forest row after row (Smile's nodes are
   * scattered objects, each cut a dot product with a slope array). Each row still adds its path
   * lengths in tree order, and the batches are spread over {@link Workers}, so a row's score
   * does not depend on its batch or thread.
   */
  @Override
  public Scores score(Dataset data) {
    int columns = recipe.columns();
    Rows.requireColumns(data, columns, "isolation_forest");
    double[] scores = new double[data.rows()];
    Workers.forEachBatch(data.rows(), BATCH_ROWS, () -> {
      float[] batch = new float[BATCH_ROWS * columns];
      double[][] rows = new double[BATCH_ROWS][columns];
      double[] sums = new double[BATCH_ROWS];
      return (first, count) -> {
        data.copyRows(first, count, batch);
        for (int r = 0; r < count; r++) {
          for (int j = 0; j < columns; j++) {
            rows[r][j] = batch[r * columns + j];
          }
          sums[r] = 0;
        }
        for (IsolationTree tree : trees) {
          for (int r = 0; r < count; r++) {
            sums[r] += tree.path(rows[r]);
          }
        }
        for (int r = 0; r < count; r++) {
          scores[first + r] = Math.pow(2.0, -(sums[r] / trees.length) / c);
        }
      };
    });
    return new Scores(scores);
  }

  /**
   * Smile's normalising constant {@code c(n)}, the average path length of an unsuccessful search in a
   * binary search tree of {@code n} rows: {@code IsolationForest.factor}, which is package-private,
   * written out in the same operations so that scores match Smile's exactly (a test checks that).
   */
  static double averagePathLength(int n) {
    return 2.0 * (Math.log(n - 1) + EULER - (n - 1.0) / n);
  }

  @Override
  public boolean canSave() {
    return true;
  }

  /** The recipe: see {@link ForestRecipe#save}. */
  @Override
  public void save(StateWriter out) {
    recipe.save(out);
  }
}

package ad.models.baseline;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
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
 * <p>Immutable once grown: scoring only reads the trees, so it is safe from several threads.
 */
final class IsolationForestModel implements DetectorModel {
  /**
   * Growing a tree draws from Smile's per-thread RNG and from the Gaussian singleton that every thread
   * shares (see {@link #grow}), so all growth in this JVM takes turns.
   */
  private static final Object SMILE_RNG_LOCK = new Object();

  private final ForestRecipe recipe;
  private final IsolationForest forest;

  private IsolationForestModel(ForestRecipe recipe) {
    this.recipe = Objects.requireNonNull(recipe, "recipe");
    // c(rows per tree) normalises path lengths as in the paper, where Smile's fit uses all rows; the
    // ranking of scores is the same either way.
    this.forest = new IsolationForest(recipe.rowsPerTree(), recipe.extensionLevel(), grow(recipe));
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

  /** Smile's {@code 2^(-mean path length / c(rows per tree))}, higher = more anomalous. */
  @Override
  public Scores score(Dataset data) {
    Rows.requireColumns(data, recipe.columns(), "isolation_forest");
    double[][] rows = Rows.of(data);
    double[] scores = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      scores[i] = forest.score(rows[i]);
    }
    return new Scores(scores);
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

package ad.models.baseline;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.UserException;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.models.nn.Workers;
import ad.models.state.CheckedState;
import java.util.Objects;

/**
 * A fitted isolation forest: its trees ({@link IsolationTrees}, grown by {@link IsolationTreeGrowth}),
 * the rows each was grown on and its height limit. The score of a row is
 * {@code s(x) = 2^(-E[h(x)] / c(rows per tree))} (Liu, Ting and Zhou 2008, eq. 2), in (0, 1], higher
 * = more anomalous.
 *
 * <p>Immutable once grown: scoring only reads the trees, so it is safe from several threads and spreads
 * a large call over {@link Workers}. Saved as the trees themselves, so a loaded forest scores
 * bit for bit as the fitted one.
 */
final class IsolationForestModel implements DetectorModel {
  /**
   * The model-file format version that stores forests as their trees. Before it (ad's versions 1 to
   * 3), forests were Smile's and saved as the rows and seeds to regrow them with Smile's global
   * random state; such files are refused with a message to refit.
   */
  static final int FORMAT_VERSION = 4;
  /** Rows per scoring batch: a few hundred rows walk a tree while its nodes are in cache. */
  private static final int BATCH_ROWS = 256;

  private final IsolationTrees trees;
  private final int rowsPerTree;
  private final int depth;
  /** {@code c(rows per tree)}: path lengths are normalised by the sample each tree saw. */
  private final double c;

  private IsolationForestModel(IsolationTrees trees, int rowsPerTree, int depth) {
    this.trees = Objects.requireNonNull(trees, "trees");
    this.rowsPerTree = rowsPerTree;
    this.depth = depth;
    this.c = IsolationTrees.averagePathLength(rowsPerTree);
  }

  /** Grows a forest on {@code train}; see {@link IsolationTreeGrowth}. */
  static IsolationForestModel fit(Dataset train, long seed, int trees, int rowsPerTree, int depth,
      int extensionLevel) {
    return new IsolationForestModel(IsolationTreeGrowth.grow(train, seed, trees, rowsPerTree, depth,
        extensionLevel), rowsPerTree, depth);
  }

  int rowsPerTree() {
    return rowsPerTree;
  }

  int depth() {
    return depth;
  }

  /**
   * Rows are scored in batches, tree after tree within a batch: one tree's nodes then stay in cache
   * while every row of the batch walks it. Each row adds its path lengths in tree order, and the
   * batches are spread over {@link Workers}, so a row's score does not depend on its batch or
   * thread.
   */
  @Override
  public Scores score(Dataset data) {
    int columns = trees.columns();
    Rows.requireColumns(data, columns, "isolation_forest");
    double[] scores = new double[data.rows()];
    int treeCount = trees.trees();
    Workers.forEachBatch(data.rows(), BATCH_ROWS, () -> {
      float[] batch = new float[BATCH_ROWS * columns];
      double[] sums = new double[BATCH_ROWS];
      return (first, count) -> {
        data.copyRows(first, count, batch);
        java.util.Arrays.fill(sums, 0, count, 0);
        for (int t = 0; t < treeCount; t++) {
          for (int r = 0; r < count; r++) {
            sums[r] += trees.pathLength(t, batch, r * columns);
          }
        }
        for (int r = 0; r < count; r++) {
          scores[first + r] = Math.pow(2.0, -(sums[r] / treeCount) / c);
        }
      };
    });
    return new Scores(scores);
  }

  @Override
  public boolean canSave() {
    return true;
  }

  /**
   * State: {@code rows_per_tree} and {@code depth} (one int each) and the trees ({@link IsolationTrees#save});
   * needs a reader of model format {@link #FORMAT_VERSION}.
   */
  @Override
  public void save(StateWriter out) {
    out.requireFormatVersion(FORMAT_VERSION);
    out.ints("rows_per_tree", new int[] {rowsPerTree});
    out.ints("depth", new int[] {depth});
    trees.save(out);
  }

  /** Reads what {@link #save} wrote, checked against the options the forest was fitted with. */
  static IsolationForestModel load(StateReader in, IsolationForestOptions options) {
    CheckedState state = new CheckedState(in, "isolation_forest");
    refuseSmileForest(in);
    int rowsPerTree = state.positive("rows_per_tree");
    if (rowsPerTree < 2 || (options.maxSamples() != null && rowsPerTree > options.maxSamples())) {
      throw state.corrupt("'rows_per_tree' is " + rowsPerTree + " but must be from 2 to "
          + (options.maxSamples() != null ? "max_samples (" + options.maxSamples() + ")" : "the training rows"));
    }
    int depth = state.positive("depth");
    if (options.maxDepth() > 0 && depth != options.maxDepth()) {
      throw state.corrupt("'depth' is " + depth + " but the options say max_depth: " + options.maxDepth());
    }
    IsolationTrees trees = IsolationTrees.load(state, options.extensionLevel() + 1);
    if (trees.trees() != options.trees()) {
      throw state.corrupt("it holds " + trees.trees() + " trees but the options say trees: " + options.trees());
    }
    return new IsolationForestModel(trees, rowsPerTree, depth);
  }

  /**
   * Files of ad's model format 1 to 3 stored a forest as Smile's growth recipe (rows and seeds to
   * regrow Smile's trees with its global random state, which ad no longer touches): refused with what
   * to do, rather than regrown into another forest whose scores the saved thresholds do not fit.
   */
  private static void refuseSmileForest(StateReader in) {
    boolean recipe;
    try {
      in.ints("growth_seeds");
      recipe = true;
    } catch (UserException absent) {
      recipe = false;
    }
    if (recipe) {
      throw in.outdated("this isolation_forest was saved by an earlier ad (model format 1 to 3), as rows and "
          + "seeds for Smile to regrow its trees; this ad grows and saves its own trees and cannot rebuild that "
          + "forest exactly: refit it (run the experiment again with save_models: true)");
    }
  }
}

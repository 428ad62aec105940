package ad.models.baseline;

import ad.core.Dataset;
import ad.core.Seeds;
import ad.core.UserException;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.models.state.CheckedState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Everything an isolation forest is grown from: each tree's rows and the seed its growth draws from.
 * Smile's trees cannot be rebuilt from their nodes (see {@link IsolationForestModel}), but growing is
 * deterministic given these, so this is what a forest saves, and loading regrows the same trees.
 *
 * <p>Trees often share rows (always when the training set has at most {@code rows per tree} rows),
 * so the rows are kept once, in {@code rows}, and each tree lists which of them it was grown on, in
 * the order it was given them.
 *
 * @param columns the input width
 * @param depth the depth at which the trees stop splitting
 * @param extensionLevel Smile's extension level (0: axis-parallel cuts)
 * @param rowsPerTree how many rows each tree was grown on
 * @param rows the distinct rows some tree was grown on, row-major, as the training data held them
 *     (floats: Smile sees them widened to doubles, exactly as {@link Rows#of} widens them)
 * @param picks for tree {@code k}, {@code picks[k * rowsPerTree + i]} is the row of {@code rows} it
 *     was given {@code i}-th
 * @param growthSeeds per tree, the seed Smile's RNG is set to right before the tree is grown
 */
record ForestRecipe(int columns, int depth, int extensionLevel, int rowsPerTree, float[] rows,
    int[] picks, long[] growthSeeds) {

  ForestRecipe {
    rows = rows.clone();
    picks = picks.clone();
    growthSeeds = growthSeeds.clone();
  }

  /**
   * Draws the rows of {@code trees} trees from {@code train}, each tree {@code rowsPerTree} distinct
   * rows from its own seeded stream, so that a tree's rows depend only on the seed and its index.
   * The draw uses {@link Random}, whose sequence the Java specification fixes, not Smile's RNG: it
   * needs no lock, and no Smile version can change which rows a seed picks.
   */
  static ForestRecipe draw(Dataset train, long seed, int trees, int rowsPerTree, int depth,
      int extensionLevel) {
    int n = train.rows();
    int columns = train.columns();
    int[] picks = new int[picksLength(trees, rowsPerTree)];
    long[] growthSeeds = new long[trees];
    int[] order = new int[n];
    int[] slot = new int[n];
    Arrays.fill(slot, -1);
    int[] chosen = new int[Math.min(n, picks.length)];
    int distinct = 0;
    for (int k = 0; k < trees; k++) {
      Random random = new Random(Seeds.derive(seed, "isolation-tree-sample-" + k));
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      // The first rowsPerTree steps of a Fisher-Yates shuffle: a uniform sample without replacement.
      for (int i = 0; i < rowsPerTree; i++) {
        int j = i + random.nextInt(n - i);
        int row = order[j];
        order[j] = order[i];
        order[i] = row;
        if (slot[row] < 0) {
          slot[row] = distinct;
          chosen[distinct++] = row;
        }
        picks[k * rowsPerTree + i] = slot[row];
      }
      growthSeeds[k] = Seeds.derive(seed, "isolation-tree-growth-" + k);
    }
    float[] rows = new float[distinct * columns];
    for (int r = 0; r < distinct; r++) {
      train.copyRow(chosen[r], rows, r * columns);
    }
    return new ForestRecipe(columns, depth, extensionLevel, rowsPerTree, rows, picks, growthSeeds);
  }

  int trees() {
    return growthSeeds.length;
  }

  /** The rows tree {@code k} is grown on, in order, as the doubles Smile takes. */
  List<double[]> treeRows(int k) {
    List<double[]> out = new ArrayList<>(rowsPerTree);
    for (int i = 0; i < rowsPerTree; i++) {
      int from = picks[k * rowsPerTree + i] * columns;
      double[] row = new double[columns];
      for (int j = 0; j < columns; j++) {
        row[j] = rows[from + j];
      }
      out.add(row);
    }
    return out;
  }

  /**
   * State: {@code columns}, {@code depth}, {@code extension_level}, {@code rows_per_tree} and
   * {@code distinct_rows} (one int each); {@code rows} (floats, {@code distinct_rows x columns});
   * {@code tree_rows} (ints, {@code trees x rows_per_tree}, indices into {@code rows});
   * {@code growth_seeds} (ints, two per tree: the high then the low half of the 64-bit seed, since
   * the state has no long arrays).
   */
  void save(StateWriter out) {
    out.ints("columns", new int[] {columns});
    out.ints("depth", new int[] {depth});
    out.ints("extension_level", new int[] {extensionLevel});
    out.ints("rows_per_tree", new int[] {rowsPerTree});
    out.ints("distinct_rows", new int[] {rows.length / columns});
    out.floats("rows", rows);
    out.ints("tree_rows", picks);
    int[] seeds = new int[2 * growthSeeds.length];
    for (int k = 0; k < growthSeeds.length; k++) {
      seeds[2 * k] = (int) (growthSeeds[k] >>> 32);
      seeds[2 * k + 1] = (int) growthSeeds[k];
    }
    out.ints("growth_seeds", seeds);
  }

  /** Reads what {@link #save} wrote, checking it against the options the forest was fitted with. */
  static ForestRecipe load(StateReader in, IsolationForestOptions options) {
    CheckedState state = new CheckedState(in, "isolation_forest");
    int columns = state.positive("columns");
    int depth = state.positive("depth");
    if (options.maxDepth() > 0 && depth != options.maxDepth()) {
      throw state.corrupt("'depth' is " + depth + " but the options say max_depth: " + options.maxDepth());
    }
    int extensionLevel = state.ints("extension_level", 1)[0];
    if (extensionLevel != options.extensionLevel() || extensionLevel >= columns) {
      throw state.corrupt("'extension_level' is " + extensionLevel + " but the options say "
          + options.extensionLevel() + " and it must be below the " + columns + " columns");
    }
    int rowsPerTree = state.positive("rows_per_tree");
    if (rowsPerTree < 2 || (options.maxSamples() != null && rowsPerTree > options.maxSamples())) {
      throw state.corrupt("'rows_per_tree' is " + rowsPerTree + " but must be from 2 to "
          + (options.maxSamples() != null ? "max_samples (" + options.maxSamples() + ")" : "the training rows"));
    }
    int distinct = state.positive("distinct_rows");
    if (distinct > Integer.MAX_VALUE / columns) {
      throw state.corrupt("'distinct_rows' is " + distinct + ", more than a state can hold");
    }
    float[] rows = state.floats("rows", distinct * columns);
    int[] picks = state.ints("tree_rows", picksLength(options.trees(), rowsPerTree));
    for (int i = 0; i < picks.length; i++) {
      if (picks[i] < 0 || picks[i] >= distinct) {
        throw state.corrupt("'tree_rows' holds " + picks[i] + " at index " + i + "; 'rows' has "
            + distinct + " rows");
      }
    }
    int[] seeds = state.ints("growth_seeds", 2 * options.trees());
    long[] growthSeeds = new long[options.trees()];
    for (int k = 0; k < growthSeeds.length; k++) {
      growthSeeds[k] = ((long) seeds[2 * k] << 32) | (seeds[2 * k + 1] & 0xffffffffL);
    }
    return new ForestRecipe(columns, depth, extensionLevel, rowsPerTree, rows, picks, growthSeeds);
  }

  private static int picksLength(int trees, int rowsPerTree) {
    long length = (long) trees * rowsPerTree;
    if (length > Integer.MAX_VALUE - 8) {
      throw new UserException("isolation_forest: " + trees + " trees of " + rowsPerTree
          + " rows each are too many to keep; lower 'trees', 'max_samples' or 'subsample'");
    }
    return (int) length;
  }
}

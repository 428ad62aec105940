package ad.models.baseline;

import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.models.state.CheckedState;
import java.util.Arrays;

/**
 * The trees of a fitted isolation forest, stored flat: node {@code n} of any tree is a cut or a leaf
 * in a handful of parallel arrays, so that scoring walks arrays instead of objects, and saving writes
 * them as they are (a loaded forest scores bit for bit as the fitted one).
 *
 * <p>A cut tests {@code sum_i weight[i] * x[dim[i]] < value} over {@code cutWidth} columns and sends a
 * row to child {@code left[n]} when true, to {@code left[n] + 1} otherwise. An axis-parallel cut
 * (the standard forest, {@code cutWidth} 1) has weight +1 or -1: which side gets the smaller values
 * (see {@link IsolationTreeGrowth}). A leaf has
 * {@code left[n] == -1} and {@code value[n]} = its depth plus {@link #averagePathLength} of the rows
 * that reached it: the path length {@code h(x)} of Liu, Ting and Zhou (2008), eq. 1.
 *
 * <p>Children always come after their parent, within their own tree's range of nodes; a loaded
 * forest is checked for that, so a damaged file cannot make a walk loop or leave its tree.
 */
final class IsolationTrees {
  /** Euler-Mascheroni constant, for harmonic numbers. */
  private static final double EULER = 0.5772156649015329;

  private final int columns;
  private final int cutWidth;
  private final int[] roots;
  private final int[] left;
  private final int[] dims;
  private final double[] weights;
  private final double[] value;

  /**
   * @param roots the first node of each tree; tree {@code t} holds nodes {@code [roots[t], roots[t+1])}
   * @param weights per node, {@code cutWidth} slope components
   */
  IsolationTrees(int columns, int cutWidth, int[] roots, int[] left, int[] dims, double[] weights,
      double[] value) {
    this.columns = columns;
    this.cutWidth = cutWidth;
    this.roots = roots;
    this.left = left;
    this.dims = dims;
    this.weights = weights;
    this.value = value;
  }

  int trees() {
    return roots.length;
  }

  int columns() {
    return columns;
  }

  /**
   * {@code h(x)} in tree {@code tree} of the row at {@code rows[offset, offset + columns)}: the depth of
   * the leaf it reaches plus that leaf's correction for the rows it still held.
   */
  double pathLength(int tree, float[] rows, int offset) {
    int n = roots[tree];
    // The right child follows the left one: adding the comparison's outcome instead of branching on
    // it spares a mispredicted branch per level (the outcome is a coin flip by design).
    if (cutWidth == 1) {
      for (int child = left[n]; child >= 0; child = left[n]) {
        n = child + (weights[n] * rows[offset + dims[n]] < value[n] ? 0 : 1);
      }
      return value[n];
    }
    for (int child = left[n]; child >= 0; child = left[n]) {
      double dot = 0;
      int at = n * cutWidth;
      for (int i = 0; i < cutWidth; i++) {
        dot += weights[at + i] * rows[offset + dims[at + i]];
      }
      n = child + (dot < value[n] ? 0 : 1);
    }
    return value[n];
  }

  /**
   * {@code c(n)}, the average path length of an unsuccessful search in a binary search tree of
   * {@code n} rows, {@code 2 H(n - 1) - 2 (n - 1) / n} (Liu, Ting and Zhou 2008, eq. 1), with exact
   * harmonic numbers below 64 and the asymptotic series above (error below 1e-12); {@code c(2) = 1},
   * {@code c(1) = c(0) = 0}.
   */
  static double averagePathLength(int n) {
    if (n <= 1) {
      return 0;
    }
    return 2 * harmonic(n - 1) - 2.0 * (n - 1) / n;
  }

  private static double harmonic(int i) {
    if (i < 64) {
      double h = 0;
      for (int k = i; k >= 1; k--) {
        h += 1.0 / k;
      }
      return h;
    }
    double inv = 1.0 / i;
    return Math.log(i) + EULER + inv / 2 - inv * inv / 12 + inv * inv * inv * inv / 120;
  }

  /**
   * State: {@code trees_layout} (ints: columns, cut width, trees, nodes), {@code roots}, {@code left},
   * {@code dims} (ints), {@code values} and {@code weights} (doubles).
   */
  void save(StateWriter out) {
    out.ints("trees_layout", new int[] {columns, cutWidth, roots.length, left.length});
    out.ints("roots", roots);
    out.ints("left", left);
    out.ints("dims", dims);
    out.doubles("values", value);
    out.doubles("weights", weights);
  }

  /**
   * Reads what {@link #save} wrote and checks that it is a forest: sizes agree, every child lies after
   * its parent within its tree, every column exists, every value is finite and every leaf's path
   * length is at least 0.
   */
  static IsolationTrees load(CheckedState state, int cutWidth) {
    int[] layout = state.ints("trees_layout", 4);
    int columns = layout[0];
    int trees = layout[2];
    int nodes = layout[3];
    if (columns < 1 || layout[1] != cutWidth || cutWidth > columns || trees < 1 || nodes < trees
        || (long) nodes * cutWidth > Integer.MAX_VALUE - 8) {
      throw state.corrupt("'trees_layout' " + Arrays.toString(layout) + " is not [columns, cut width "
          + cutWidth + " (from extension_level), trees, nodes] of a forest");
    }
    int[] roots = state.ints("roots", trees);
    int[] left = state.ints("left", nodes);
    int[] dims = state.ints("dims", nodes * cutWidth);
    double[] value = state.doubles("values", nodes);
    double[] weights = state.doubles("weights", nodes * cutWidth);
    for (int t = 0; t < trees; t++) {
      int first = roots[t];
      int end = t + 1 < trees ? roots[t + 1] : nodes;
      if ((t == 0 ? first != 0 : first <= roots[t - 1]) || first >= end || end > nodes) {
        throw state.corrupt("'roots' does not split the nodes into trees: tree " + t + " starts at " + first);
      }
      for (int n = first; n < end; n++) {
        if (left[n] == -1) {
          if (value[n] < 0) {
            throw state.corrupt("leaf " + n + " has path length " + value[n]);
          }
          continue;
        }
        if (left[n] <= n || left[n] + 1 >= end) {
          throw state.corrupt("node " + n + " of tree " + t + " has children " + left[n] + " and " + (left[n] + 1)
              + ", outside nodes " + (n + 1) + " to " + (end - 1));
        }
        for (int i = n * cutWidth; i < (n + 1) * cutWidth; i++) {
          if (dims[i] < 0 || dims[i] >= columns) {
            throw state.corrupt("node " + n + " cuts column " + dims[i] + " of " + columns);
          }
        }
      }
    }
    return new IsolationTrees(columns, cutWidth, roots, left, dims, weights, value);
  }
}

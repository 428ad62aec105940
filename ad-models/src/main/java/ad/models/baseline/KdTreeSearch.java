package ad.models.baseline;

/**
 * The exact search on a KD-tree (Bentley 1975; median splits and the bounding-box search of Friedman,
 * Bentley and Finkel 1977, "An algorithm for finding best matches in logarithmic expected time"):
 * each node splits its points at the median of its widest column, down to leaves of at most
 * {@link #LEAF_SIZE} points, and keeps their bounding box; a query descends first into the child on
 * its side of the split, then into the other one unless that child's box is farther than its k-th
 * nearest point so far. Equal values are kept on one side of a split when that leaves both sides at
 * least a quarter of the points, so that boxes do not overlap in columns with few distinct values.
 *
 * <p><b>Why not Smile's {@code KDTree}.</b> It was tried first and is exact, but it splits at the
 * midpoint of the widest side and skips a subtree only by the distance to its splitting plane, so a
 * query far from the training rows (an anomaly, in novelty mode) visits nearly every node. Measured
 * in CPU time per query (both trees in one process, in turn, on a busy two-core machine), trained on
 * normal rows: shuttle 98 to 148 microseconds with Smile's tree against 31 to 40 with this one, cover
 * 75 against 33 to 38; with contaminated training rows, http 7.2 to 8.9 against 6.3 to 7.0 and cover
 * 97 against 29 to 38; only on shuttle's contaminated rows was Smile's faster (11 to 24 against 34 to
 * 54). Median splits bound the depth, and the box distance adds the gaps over every column.
 *
 * <p><b>Exact, to the bit.</b> A box's distance from the query is summed over the columns in the same
 * order as {@link NeighbourSearch#squaredDistance}, term by term no larger (rounding is monotone), so
 * it never exceeds the distance of a point inside, and a node is skipped only when it is strictly
 * farther than the k-th neighbour so far. Distances are {@link NeighbourSearch#squaredDistance}, as in
 * the brute-force search. Immutable once built; each thread searches with its own {@link Searcher}.
 */
final class KdTreeSearch implements NeighbourSearch {
  /** Points per leaf at most (4, 8 and 32 measured about the same on shuttle, cover and http). */
  static final int LEAF_SIZE = 16;

  private final int columns;
  private final int neighbours;
  /** The points in tree order: every node's points are contiguous. */
  private final float[] ordered;
  /** For each position in tree order, the index of the point in the order the caller gave them. */
  private final int[] pointAt;
  /** Per node: its first and past-last position in tree order; children (-1 for a leaf). */
  private final int[] first;
  private final int[] last;
  private final int[] lower;
  private final int[] upper;
  /** Per inner node: the column it splits and the upper child's least value in that column. */
  private final int[] splitColumn;
  private final float[] splitValue;
  /** Per node, its bounding box: {@code boxMin[node * columns + j]}, {@code boxMax[...]}. */
  private final float[] boxMin;
  private final float[] boxMax;

  /** A tree over the {@code points.length / columns} rows of {@code points} (row-major, finite). */
  KdTreeSearch(float[] points, int columns, int neighbours) {
    int rows = points.length / columns;
    if (neighbours < 1 || neighbours > rows) {
      throw new IllegalArgumentException(neighbours + " neighbours among " + rows + " points");
    }
    this.columns = columns;
    this.neighbours = neighbours;
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    // Only nodes of more than LEAF_SIZE points split, in halves, so a leaf below the root holds at
    // least LEAF_SIZE / 2 points: at most rows / (LEAF_SIZE / 2) leaves, twice that many nodes.
    int capacity = 2 * (rows / (LEAF_SIZE / 2) + 1);
    Builder builder = new Builder(points, columns, order, capacity);
    builder.build(0, rows);
    int nodes = builder.nodes;
    this.first = java.util.Arrays.copyOf(builder.first, nodes);
    this.last = java.util.Arrays.copyOf(builder.last, nodes);
    this.lower = java.util.Arrays.copyOf(builder.lower, nodes);
    this.upper = java.util.Arrays.copyOf(builder.upper, nodes);
    this.splitColumn = java.util.Arrays.copyOf(builder.splitColumn, nodes);
    this.splitValue = java.util.Arrays.copyOf(builder.splitValue, nodes);
    this.boxMin = java.util.Arrays.copyOf(builder.boxMin, nodes * columns);
    this.boxMax = java.util.Arrays.copyOf(builder.boxMax, nodes * columns);
    this.pointAt = order;
    this.ordered = new float[points.length];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(points, order[i] * columns, ordered, i * columns, columns);
    }
  }

  @Override
  public int neighbours() {
    return neighbours;
  }

  @Override
  public Searcher searcher() {
    return new TreeSearcher();
  }

  /** Builds the nodes depth first; node 0 is the root. */
  private static final class Builder {
    private final float[] points;
    private final int columns;
    private final int[] order;
    int nodes;
    int[] first;
    int[] last;
    int[] lower;
    int[] upper;
    int[] splitColumn;
    float[] splitValue;
    float[] boxMin;
    float[] boxMax;

    Builder(float[] points, int columns, int[] order, int capacity) {
      this.points = points;
      this.columns = columns;
      this.order = order;
      first = new int[capacity];
      last = new int[capacity];
      lower = new int[capacity];
      upper = new int[capacity];
      splitColumn = new int[capacity];
      splitValue = new float[capacity];
      boxMin = new float[capacity * columns];
      boxMax = new float[capacity * columns];
    }

    /** The node over tree positions {@code [from, to)}; returns its index. */
    int build(int from, int to) {
      int node = nodes++;
      first[node] = from;
      last[node] = to;
      int box = node * columns;
      int widest = 0;
      float widestSpread = 0;
      for (int j = 0; j < columns; j++) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
          float v = points[order[i] * columns + j];
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        boxMin[box + j] = min;
        boxMax[box + j] = max;
        if (max - min > widestSpread) {
          widestSpread = max - min;
          widest = j;
        }
      }
      // A leaf when small, or when every point is the same (the distinct rows never are, but the
      // tree does not rely on that).
      if (to - from <= LEAF_SIZE || widestSpread == 0) {
        lower[node] = -1;
        upper[node] = -1;
        return node;
      }
      int middle = (from + to) >>> 1;
      select(from, to, middle, widest);
      float median = points[order[middle] * columns + widest];
      int split = untied(from, to, middle, widest, median);
      splitColumn[node] = widest;
      lower[node] = build(from, split);
      upper[node] = build(split, to);
      splitValue[node] = boxMin[upper[node] * columns + widest];
      return node;
    }

    /**
     * Where to split {@code [from, to)}, selected at {@code middle} in column {@code j}: before the
     * points equal to the median or after them (gathered next to it here), whichever leaves the smaller side at least a quarter
     * of the points, so that the two boxes do not overlap in that column (columns with few distinct
     * values, common in these tables, would otherwise put equal values on both sides and a query on
     * that value could never skip either); else at the middle. The quarter keeps the depth within
     * {@code log(points) / log(4/3)}.
     */
    private int untied(int from, int to, int middle, int j, float median) {
      // Gather the points equal to the median next to it, on either side: [tiesFrom, tiesTo).
      int tiesFrom = middle;
      for (int i = middle - 1; i >= from; i--) {
        if (points[order[i] * columns + j] == median) {
          swap(i, --tiesFrom);
        }
      }
      int tiesTo = middle + 1;
      for (int i = middle + 1; i < to; i++) {
        if (points[order[i] * columns + j] == median) {
          swap(i, tiesTo++);
        }
      }
      int quarter = (to - from) / 4;
      if (tiesFrom - from >= quarter && tiesFrom > from) {
        return tiesFrom;
      }
      if (to - tiesTo >= quarter && tiesTo < to) {
        return tiesTo;
      }
      return middle;
    }

    /**
     * Reorders {@code order[from, to)} so that position {@code k} holds the point with the k-th
     * smallest value in column {@code j}, smaller or equal ones before it, larger or equal after
     * (Hoare's selection, the middle of three as pivot; ties broken by point index so the tree does
     * not depend on the sort's luck).
     */
    private void select(int from, int to, int k, int j) {
      int left = from;
      int right = to - 1;
      while (right > left) {
        int mid = (left + right) >>> 1;
        // Median of three as the pivot.
        if (before(order[mid], order[left], j)) {
          swap(mid, left);
        }
        if (before(order[right], order[left], j)) {
          swap(right, left);
        }
        if (before(order[right], order[mid], j)) {
          swap(right, mid);
        }
        int pivot = order[mid];
        int i = left;
        int r = right;
        while (i <= r) {
          while (before(order[i], pivot, j)) {
            i++;
          }
          while (before(pivot, order[r], j)) {
            r--;
          }
          if (i <= r) {
            swap(i, r);
            i++;
            r--;
          }
        }
        if (k <= r) {
          right = r;
        } else if (k >= i) {
          left = i;
        } else {
          return;
        }
      }
    }

    /** Point {@code a} comes before point {@code b} in column {@code j}: by value, then by index. */
    private boolean before(int a, int b, int j) {
      float va = points[a * columns + j];
      float vb = points[b * columns + j];
      return va < vb || va == vb && a < b;
    }

    private void swap(int a, int b) {
      int t = order[a];
      order[a] = order[b];
      order[b] = t;
    }
  }

  /** One thread's search: the nearest points found so far for the current query, nearest first. */
  private final class TreeSearcher implements Searcher {
    private final double[] keptDistances = new double[neighbours];
    private final int[] keptPositions = new int[neighbours];
    private int kept;
    private float[] queries;
    private int query;

    @Override
    public void nearest(float[] queries, int count, double[] distances, int[] points) {
      this.queries = queries;
      for (int q = 0; q < count; q++) {
        query = q * columns;
        kept = 0;
        visit(0);
        int to = q * neighbours;
        for (int i = 0; i < neighbours; i++) {
          distances[to + i] = Math.sqrt(keptDistances[i]);
          points[to + i] = pointAt[keptPositions[i]];
        }
        NeighbourSearch.sort(distances, points, to, neighbours);
      }
    }

    /**
     * Scans a leaf, or visits the child on the query's side of the split, then the other child
     * unless its box is farther than the k-th nearest point found by then. (A visited node's own box
     * was near enough, or it is the root.)
     */
    private void visit(int node) {
      if (lower[node] < 0) {
        for (int i = first[node]; i < last[node]; i++) {
          scan(i);
        }
        return;
      }
      boolean below = queries[query + splitColumn[node]] < splitValue[node];
      visit(below ? lower[node] : upper[node]);
      int far = below ? upper[node] : lower[node];
      if (kept < neighbours || !(boxDistance(far) > keptDistances[neighbours - 1])) {
        visit(far);
      }
    }

    /** Keeps the point at tree position {@code i} if it is nearer than the k-th nearest so far. */
    private void scan(int i) {
      double worst = kept < neighbours ? Double.POSITIVE_INFINITY : keptDistances[neighbours - 1];
      double distance = NeighbourSearch.squaredDistanceUpTo(queries, query, ordered, i * columns,
          columns, worst);
      if (distance < worst) {
        keep(distance, i);
      }
    }

    /** The squared distance from the query to the node's box, summed like the point distances. */
    private double boxDistance(int node) {
      int box = node * columns;
      double sum = 0;
      for (int j = 0; j < columns; j++) {
        double q = queries[query + j];
        double gap = q < boxMin[box + j] ? (double) boxMin[box + j] - q
            : q > boxMax[box + j] ? q - (double) boxMax[box + j] : 0;
        sum += gap * gap;
      }
      return sum;
    }

    /** Inserts in order; the list holds k + 1 points, a handful. */
    private void keep(double distance, int position) {
      int i = Math.min(kept, neighbours - 1);
      while (i > 0 && keptDistances[i - 1] > distance) {
        keptDistances[i] = keptDistances[i - 1];
        keptPositions[i] = keptPositions[i - 1];
        i--;
      }
      keptDistances[i] = distance;
      keptPositions[i] = position;
      kept = Math.min(kept + 1, neighbours);
    }
  }
}

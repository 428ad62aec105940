package ad.models.baseline;

/**
 * The exact search that compares every query with every training point, blocked so that memory stays
 * bounded and the work is one big matrix product per block: with {@code |q - p|^2 = |q|^2 + |p|^2 -
 * 2 q.p}, the products {@code q.p} of a block of queries and a block of points are one
 * {@link CrossProducts} call (OpenBLAS, single precision), which is many times faster than a loop of
 * differences when rows are wide.
 *
 * <p><b>Exact all the same.</b> The expanded form in single precision is only a filter: it is off by
 * at most {@code gamma (|q|^2 + |p|^2)} with {@code gamma = (columns + 2) 2^-24} (the textbook bound
 * on a dot product rounded in any order, Higham 2002, section 3.1), and a point whose filtered value,
 * less twice that bound, is still beyond the current k-th nearest distance cannot be among the
 * nearest. Every other point gets its distance computed directly ({@link
 * NeighbourSearch#squaredDistance}, double precision), and only those distances are kept and
 * reported. So the result does not depend on how OpenBLAS rounds, on the blocks or on the threads, and
 * it equals the KD-tree's to the last bit; near-duplicate rows, where the expanded form would lose all
 * its digits, cost a few more direct distances, never a wrong one.
 */
final class BruteForceSearch implements NeighbourSearch {
  /** Queries per product: with {@link #POINT_BLOCK}, a 1 MB block of products per thread. */
  static final int QUERY_BLOCK = 128;
  /** Training points per product. */
  static final int POINT_BLOCK = 2048;

  private final int columns;
  private final int neighbours;
  /** The training points, {@link #POINT_BLOCK} rows per block (the last one shorter), row-major. */
  private final float[][] blocks;
  /** Per block, each point's squared norm times {@link #shrink}. */
  private final double[][] shrunkNorms;
  /** {@code 1 - 2 gamma}: the filter's norms shrunk by twice the worst rounding, see the class notes. */
  private final double shrink;

  BruteForceSearch(float[] points, int columns, int neighbours) {
    int rows = points.length / columns;
    if (neighbours < 1 || neighbours > rows) {
      throw new IllegalArgumentException(neighbours + " neighbours among " + rows + " points");
    }
    this.columns = columns;
    this.neighbours = neighbours;
    this.shrink = 1 - 2 * (columns + 2) * 0x1p-24;
    int count = (rows + POINT_BLOCK - 1) / POINT_BLOCK;
    this.blocks = new float[count][];
    this.shrunkNorms = new double[count][];
    for (int b = 0; b < count; b++) {
      int first = b * POINT_BLOCK;
      int size = Math.min(POINT_BLOCK, rows - first);
      blocks[b] = java.util.Arrays.copyOfRange(points, first * columns, (first + size) * columns);
      shrunkNorms[b] = new double[size];
      for (int p = 0; p < size; p++) {
        shrunkNorms[b][p] = shrink * squaredNorm(blocks[b], p * columns, columns);
      }
    }
  }

  @Override
  public int neighbours() {
    return neighbours;
  }

  @Override
  public Searcher searcher() {
    return new BlockSearcher();
  }

  private static double squaredNorm(float[] values, int from, int columns) {
    double sum = 0;
    for (int j = 0; j < columns; j++) {
      double v = values[from + j];
      sum += v * v;
    }
    return sum;
  }

  /**
   * One thread's scratch: a block of queries, their products with a block of points, and per query
   * the nearest points found so far, by exact squared distance.
   */
  private final class BlockSearcher implements Searcher {
    private final float[] queryBlock = new float[QUERY_BLOCK * columns];
    private final double[] shrunkQueryNorms = new double[QUERY_BLOCK];
    private final float[] products = new float[QUERY_BLOCK * POINT_BLOCK];
    private final double[] keptDistances = new double[QUERY_BLOCK * neighbours];
    private final int[] keptPoints = new int[QUERY_BLOCK * neighbours];
    private final int[] keptSizes = new int[QUERY_BLOCK];

    @Override
    public void nearest(float[] queries, int count, double[] distances, int[] points) {
      for (int first = 0; first < count; first += QUERY_BLOCK) {
        int size = Math.min(QUERY_BLOCK, count - first);
        System.arraycopy(queries, first * columns, queryBlock, 0, size * columns);
        for (int q = 0; q < size; q++) {
          shrunkQueryNorms[q] = shrink * squaredNorm(queryBlock, q * columns, columns);
          keptSizes[q] = 0;
        }
        for (int b = 0; b < blocks.length; b++) {
          scan(size, b);
        }
        for (int q = 0; q < size; q++) {
          drain(q, distances, points, (first + q) * neighbours);
        }
      }
    }

    /** Offers every point of block {@code b} that passes the filter to the lists of the queries. */
    private void scan(int queries, int b) {
      float[] block = blocks[b];
      double[] norms = shrunkNorms[b];
      int size = norms.length;
      int offset = b * POINT_BLOCK;
      CrossProducts.of(queryBlock, queries, block, size, columns, products);
      for (int q = 0; q < queries; q++) {
        double worst = worst(q);
        double queryNorm = shrunkQueryNorms[q];
        int row = q * size;
        for (int p = 0; p < size; p++) {
          // A lower bound on the exact squared distance; NaN (overflowed products) passes.
          double lower = queryNorm + norms[p] - 2.0 * products[row + p];
          if (!(lower > worst)) {
            double exact = NeighbourSearch.squaredDistanceUpTo(queryBlock, q * columns, block,
                p * columns, columns, worst);
            if (offer(q, exact, offset + p)) {
              worst = worst(q);
            }
          }
        }
      }
    }

    /** The k-th nearest squared distance so far, or infinity while fewer points were offered. */
    private double worst(int q) {
      return keptSizes[q] < neighbours ? Double.POSITIVE_INFINITY : keptDistances[(q + 1) * neighbours - 1];
    }

    /**
     * Keeps {@code point} in query {@code q}'s list, nearest first, if the list is not full or it is
     * nearer than the last; the list holds k + 1 points, a handful, so insertion is the cheapest
     * structure. Points come in index order and an equal distance goes after, so ties stay in index
     * order.
     */
    private boolean offer(int q, double distance, int point) {
      int base = q * neighbours;
      int size = keptSizes[q];
      if (size == neighbours && !(distance < keptDistances[base + size - 1])) {
        return false;
      }
      int i = Math.min(size, neighbours - 1);
      while (i > 0 && keptDistances[base + i - 1] > distance) {
        keptDistances[base + i] = keptDistances[base + i - 1];
        keptPoints[base + i] = keptPoints[base + i - 1];
        i--;
      }
      keptDistances[base + i] = distance;
      keptPoints[base + i] = point;
      keptSizes[q] = Math.min(size + 1, neighbours);
      return true;
    }

    /**
     * Writes query {@code q}'s kept points as distances (not squared), sorted again since square roots
     * can make unequal squares equal.
     */
    private void drain(int q, double[] distances, int[] points, int to) {
      int base = q * neighbours;
      for (int i = 0; i < neighbours; i++) {
        distances[to + i] = Math.sqrt(keptDistances[base + i]);
        points[to + i] = keptPoints[base + i];
      }
      NeighbourSearch.sort(distances, points, to, neighbours);
    }
  }
}

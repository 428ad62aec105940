package ad.models.baseline;

/**
 * An exact nearest-neighbour search over the distinct training points of a {@link KnnModel}: for a
 * query row, the {@link #neighbours()} nearest points by Euclidean distance. Immutable once built;
 * each thread searches with its own {@link Searcher}, which holds that thread's scratch.
 *
 * <p>Every implementation reports the same distances, bit for bit: whatever prunes the search, the
 * distances it reports are {@link #distance}, so the choice of search never changes a score.
 */
interface NeighbourSearch {

  /** How many nearest points each query gets. */
  int neighbours();

  /** A searcher for the calling thread. */
  Searcher searcher();

  /** Searches for one thread; not thread-safe. */
  interface Searcher {
    /**
     * For each of the first {@code count} rows of {@code queries} (row-major, finite values), its
     * {@code m = neighbours()} nearest points, nearest first, ties by point index: the distances in
     * {@code distances[q * m + i]} and the point indices in {@code points[q * m + i]}.
     */
    void nearest(float[] queries, int count, double[] distances, int[] points);
  }

  /**
   * The Euclidean distance squared between two rows, in double precision, adding the columns' squared
   * differences left to right. Every search reports these sums, so that they agree to the last bit.
   */
  static double squaredDistance(float[] a, int aFrom, float[] b, int bFrom, int columns) {
    return squaredDistanceUpTo(a, aFrom, b, bFrom, columns, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #squaredDistance}, or, as soon as the partial sum exceeds {@code bound}, that partial sum:
   * the terms are not negative and rounding is monotone, so the full sum could only be larger.
   */
  static double squaredDistanceUpTo(float[] a, int aFrom, float[] b, int bFrom, int columns,
      double bound) {
    double sum = 0;
    for (int j = 0; j < columns; j++) {
      double d = (double) a[aFrom + j] - (double) b[bFrom + j];
      sum += d * d;
      if (sum > bound) {
        return sum;
      }
    }
    return sum;
  }

  /**
   * Sorts {@code distances[from, from + m)} ascending, ties by point index, moving {@code points}
   * along (insertion sort: {@code m} is k + 1, a handful).
   */
  static void sort(double[] distances, int[] points, int from, int m) {
    for (int i = from + 1; i < from + m; i++) {
      double d = distances[i];
      int p = points[i];
      int j = i - 1;
      while (j >= from && (distances[j] > d || distances[j] == d && points[j] > p)) {
        distances[j + 1] = distances[j];
        points[j + 1] = points[j];
        j--;
      }
      distances[j + 1] = d;
      points[j + 1] = p;
    }
  }
}

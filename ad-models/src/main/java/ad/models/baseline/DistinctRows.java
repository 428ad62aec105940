package ad.models.baseline;

/**
 * The distinct rows of a row-major float table, in order of first appearance, with how often each
 * occurs and which one every row is. Rows are equal when their values are ({@code -0.0} equals
 * {@code 0.0} and is kept as {@code 0.0}); a row holding NaN equals no other row.
 *
 * <p>Why the kNN detector wants this: network tables repeat rows heavily (http's 567,498 rows hold
 * 221,900 distinct ones), and a row's neighbours depend only on its values, so searching once per
 * distinct row, and counting a training point as many rows as it stands for, gives the same scores
 * in a fraction of the time.
 *
 * @param columns the width of a row
 * @param points the distinct rows, row-major, {@code size() x columns}
 * @param counts how many rows each distinct row stands for
 * @param rowToPoint for each input row, the index of its distinct row
 */
record DistinctRows(int columns, float[] points, int[] counts, int[] rowToPoint) {

  /** The distinct rows of the first {@code rows} rows of {@code values}. */
  static DistinctRows of(float[] values, int rows, int columns) {
    // Open addressing over row indices, at most half full.
    int capacity = Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1;
    int mask = capacity - 1;
    int[] slots = new int[capacity];
    java.util.Arrays.fill(slots, -1);
    int[] firstRow = new int[rows];
    int[] counts = new int[rows];
    int[] rowToPoint = new int[rows];
    int distinct = 0;
    for (int r = 0; r < rows; r++) {
      if (hasNaN(values, r * columns, columns)) {
        // Equal to no row: its own point, kept out of the table so that many such rows cost no probes.
        firstRow[distinct] = r;
        counts[distinct] = 1;
        rowToPoint[r] = distinct++;
        continue;
      }
      int slot = hash(values, r * columns, columns) & mask;
      while (true) {
        int point = slots[slot];
        if (point < 0) {
          slots[slot] = distinct;
          firstRow[distinct] = r;
          counts[distinct] = 1;
          rowToPoint[r] = distinct++;
          break;
        }
        if (equal(values, firstRow[point] * columns, r * columns, columns)) {
          counts[point]++;
          rowToPoint[r] = point;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    float[] points = new float[distinct * columns];
    for (int p = 0; p < distinct; p++) {
      int from = firstRow[p] * columns;
      for (int j = 0; j < columns; j++) {
        // Adding +0.0 turns -0.0 into 0.0 and leaves every other value as it is.
        points[p * columns + j] = values[from + j] + 0.0f;
      }
    }
    return new DistinctRows(columns, points, java.util.Arrays.copyOf(counts, distinct), rowToPoint);
  }

  /** How many distinct rows there are. */
  int size() {
    return counts.length;
  }

  /** How many rows in all: the sum of the counts. */
  long rows() {
    long sum = 0;
    for (int c : counts) {
      sum += c;
    }
    return sum;
  }

  private static int hash(float[] values, int from, int columns) {
    int h = 0;
    for (int j = 0; j < columns; j++) {
      h = 31 * h + Float.floatToIntBits(values[from + j] + 0.0f);
    }
    // Spread the bits (MurmurHash3's finaliser): similar rows must not crowd one run of slots.
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  private static boolean hasNaN(float[] values, int from, int columns) {
    for (int j = 0; j < columns; j++) {
      if (Float.isNaN(values[from + j])) {
        return true;
      }
    }
    return false;
  }

  private static boolean equal(float[] values, int a, int b, int columns) {
    for (int j = 0; j < columns; j++) {
      if (values[a + j] != values[b + j]) {
        return false;
      }
    }
    return true;
  }
}

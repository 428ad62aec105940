package ad.eval.metrics;

import java.util.Arrays;

/** Ranks 1..n from the lowest value, tied values sharing the mean of the ranks they span. */
final class MidRanks {
  private MidRanks() {}

  static double[] of(double[] values) {
    int n = values.length;
    // A sorted copy and two binary searches per value: no boxed index sort, still O(n log n).
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] ranks = new double[n];
    // For each value, its midrank from the sorted copy, found by binary search of its tie run.
    for (int i = 0; i < n; i++) {
      int first = lowerBound(sorted, values[i]);
      int last = upperBound(sorted, values[i]);
      ranks[i] = (first + 1 + last) / 2.0;
    }
    return ranks;
  }

  /** First index with {@code sorted[k] >= v}. */
  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** First index with {@code sorted[k] > v}. */
  private static int upperBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

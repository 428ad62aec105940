package ad.eval.threshold;

import ad.core.Scores;

/** Small helpers for the thresholder tests. */
final class Refs {
  private Refs() {}

  static Scores of(double... values) {
    return new Scores(values);
  }

  /** 1, 2, ..., n. */
  static Scores oneTo(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return new Scores(x);
  }
}

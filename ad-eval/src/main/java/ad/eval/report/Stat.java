package ad.eval.report;

/**
 * The mean and sample standard deviation of one metric over seeds.
 *
 * @param mean the mean of the finite values, NaN when there is none
 * @param std the sample standard deviation (n - 1 in the denominator), NaN with fewer than two values
 * @param n how many finite values went in
 * @param missing how many rows had no finite value (failed or undefined)
 */
public record Stat(double mean, double std, int n, int missing) {

  static Stat of(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    double mean = n == 0 ? Double.NaN : sum / n;
    double squares = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        squares += (v - mean) * (v - mean);
      }
    }
    double std = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
    return new Stat(mean, std, n, values.length - n);
  }
}

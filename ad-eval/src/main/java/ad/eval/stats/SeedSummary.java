package ad.eval.stats;

/**
 * Mean and sample standard deviation (divisor n - 1) of one measure over seeds, for one data set and
 * detector.
 *
 * <p>The sample deviation, because the seeds are a sample of the seeds one could have run. With one
 * seed it is NaN (undefined), not 0, so that a table does not claim a spread of zero; a NaN among the
 * values makes both NaN, as in the metrics (a value that was not measured must not vanish into an
 * average).
 *
 * @param mean the mean, NaN if there are no values or a value is NaN
 * @param std the sample standard deviation, NaN with fewer than 2 values
 * @param n the number of values (seeds)
 */
public record SeedSummary(double mean, double std, int n) {

  public static SeedSummary of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new SeedSummary(Double.NaN, Double.NaN, 0);
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n < 2) {
      return new SeedSummary(mean, Double.NaN, n);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new SeedSummary(mean, Math.sqrt(squares / (n - 1)), n);
  }
}

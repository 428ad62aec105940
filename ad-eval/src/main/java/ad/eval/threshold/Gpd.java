package ad.eval.threshold;

/**
 * A generalised Pareto distribution of excesses {@code Y = X - t > 0} over a high threshold {@code t},
 * {@code P(Y > y) = (1 + shape * y / scale)^(-1 / shape)} ({@code exp(-y / scale)} when shape is 0),
 * with its maximum-likelihood fit by Grimshaw's reduction to one variable.
 *
 * <p>Grimshaw: at a stationary point of the likelihood, {@code x = shape / scale} solves {@code u(x)
 * v(x) = 1} with {@code u(x) = mean 1 / (1 + x Y)} and {@code v(x) = 1 + mean log(1 + x Y)}; then
 * {@code shape = v(x) - 1} and {@code scale = shape / x}. The roots lie in {@code (-1 / max Y, 0)} and
 * {@code (0, 2 (mean Y - min Y) / (min Y)^2)}; as in Siffer et al.'s implementation every root found
 * on a grid over both intervals (sign changes, refined by bisection) is a candidate, together with the
 * exponential fit ({@code shape 0, scale = mean Y}), and the candidate of highest likelihood wins. A
 * grid instead of a local optimiser keeps the fit deterministic and free of starting points.
 *
 * @param shape the shape (extreme value index) gamma; negative = bounded tail
 * @param scale the scale sigma, {@code > 0}
 * @see "S. D. Grimshaw, Computing maximum likelihood estimates for the generalized Pareto
 *     distribution, Technometrics 35 (1993) 185-191"
 * @see "A. Siffer, P.-A. Fouque, A. Termier and C. Largouet, Anomaly detection in streams with extreme
 *     value theory, KDD 2017, section 3.3"
 */
record Gpd(double shape, double scale) {
  private static final int GRID = 60;

  /**
   * The maximum-likelihood GPD of {@code excesses}, all {@code > 0}; at least one is needed.
   */
  static Gpd fit(double[] excesses) {
    int n = excesses.length;
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    double mean = 0;
    for (double y : excesses) {
      min = Math.min(min, y);
      max = Math.max(max, y);
      mean += y;
    }
    mean /= n;
    Gpd best = new Gpd(0, mean);
    double bestLikelihood = best.logLikelihood(excesses);
    for (double x : roots(excesses, -1 / max, 2 * (mean - min) / (min * min))) {
      double shape = 0;
      for (double y : excesses) {
        shape += Math.log1p(x * y);
      }
      shape /= n;
      Gpd candidate = new Gpd(shape, shape / x);
      double likelihood = candidate.logLikelihood(excesses);
      if (candidate.scale > 0 && likelihood > bestLikelihood) {
        best = candidate;
        bestLikelihood = likelihood;
      }
    }
    return best;
  }

  /** {@code sum log density(y)}; -infinity outside the support. */
  double logLikelihood(double[] excesses) {
    double sum = 0;
    if (shape == 0) {
      for (double y : excesses) {
        sum += y;
      }
      return -excesses.length * Math.log(scale) - sum / scale;
    }
    double tau = shape / scale;
    for (double y : excesses) {
      double s = 1 + tau * y;
      if (!(s > 0)) {
        return Double.NEGATIVE_INFINITY;
      }
      sum += Math.log(s);
    }
    return -excesses.length * Math.log(scale) - (1 + 1 / shape) * sum;
  }

  /**
   * The level exceeded with probability {@code probability} by an excess: {@code scale / shape *
   * (probability^-shape - 1)}, or {@code -scale * log(probability)} for shape 0.
   */
  double quantile(double probability) {
    if (shape == 0) {
      return -scale * Math.log(probability);
    }
    return scale / shape * (Math.pow(probability, -shape) - 1);
  }

  /** Roots of {@code u v - 1} on a grid over {@code (low, 0)} and {@code (0, high)}. */
  private static java.util.List<Double> roots(double[] y, double low, double high) {
    java.util.List<Double> out = new java.util.ArrayList<>();
    scan(y, low, out);
    if (high > 0) {
      scan(y, high, out);
    }
    return out;
  }

  /**
   * Scans {@code (0, end)} (or {@code (end, 0)}) and bisects every sign change of {@code u v - 1}. The
   * points are spaced geometrically towards both ends, from {@code 1e-12} of the interval: the upper
   * bound {@code 2 (mean - min) / min^2} is huge when the smallest excess is tiny, so the root is
   * often many orders of magnitude below it.
   */
  private static void scan(double[] y, double end, java.util.List<Double> out) {
    double[] f = new double[2 * GRID + 1];
    for (int i = 0; i <= GRID; i++) {
      double near = Math.pow(10, -12 + 12.0 * i / GRID) / 2; // 5e-13 .. 0.5, 5 points a decade
      f[i] = near;
      f[2 * GRID - i] = 1 - near;
    }
    double previousX = end * f[0];
    double previousW = w(y, previousX);
    for (int i = 1; i < f.length; i++) {
      double x = end * f[i];
      double current = w(y, x);
      if (Double.isFinite(previousW) && Double.isFinite(current)
          && Math.signum(previousW) * Math.signum(current) < 0) {
        out.add(bisect(y, previousX, previousW, x));
      }
      previousX = x;
      previousW = current;
    }
  }

  private static double bisect(double[] y, double a, double wa, double b) {
    // Relative precision 1e-10 is far below the sampling error of the fit, and each step costs a pass.
    while (Math.abs(b - a) > 1e-10 * Math.max(Math.abs(a), Math.abs(b))) {
      double mid = (a + b) / 2;
      double wm = w(y, mid);
      if (Math.signum(wm) == Math.signum(wa)) {
        a = mid;
        wa = wm;
      } else {
        b = mid;
      }
    }
    return (a + b) / 2;
  }

  /** Grimshaw's {@code u(x) v(x) - 1}. */
  private static double w(double[] y, double x) {
    double u = 0;
    double v = 0;
    for (double value : y) {
      double s = 1 + x * value;
      u += 1 / s;
      v += Math.log(s);
    }
    u /= y.length;
    v = 1 + v / y.length;
    return u * v - 1;
  }
}

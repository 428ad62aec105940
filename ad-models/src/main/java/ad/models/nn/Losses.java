package ad.models.nn;

/** The reconstruction loss and its gradient with respect to the network output, on flat buffers. */
final class Losses {
  private Losses() {}

  /**
   * The sum of {@code (output - target)^2} over {@code n} values; writes
   * {@code gradientScale * (output - target)} into {@code gradient}. With {@code gradientScale = 2 / N}
   * for the N values of a batch, that is the gradient of their mean, DL4J's MSE (the per-row mean over
   * columns, averaged over rows).
   */
  static double squaredErrors(float[] output, float[] target, int n, float gradientScale,
      float[] gradient) {
    return squaredErrors(output, target, 0, n, gradientScale, gradient);
  }

  /**
   * {@link #squaredErrors} of the {@code n} values from {@code offset}: their summed squares, and
   * {@code gradientScale * (output - target)} written into {@code gradient} at the same indices.
   */
  static double squaredErrors(float[] output, float[] target, int offset, int n,
      float gradientScale, float[] gradient) {
    double sum = 0;
    for (int i = offset; i < offset + n; i++) {
      float d = output[i] - target[i];
      sum += d * d;
      gradient[i] = gradientScale * d;
    }
    return sum;
  }

  /** The summed squared error of each of {@code count} rows of {@code columns} values. */
  static void rowSquaredErrors(float[] output, float[] target, int count, int columns,
      double[] rowLosses) {
    for (int r = 0; r < count; r++) {
      double sum = 0;
      for (int i = r * columns; i < (r + 1) * columns; i++) {
        float d = output[i] - target[i];
        sum += d * d;
      }
      rowLosses[r] = sum;
    }
  }
}

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
    double sum = 0;
    for (int i = 0; i < n; i++) {
      float d = output[i] - target[i];
      sum += d * d;
      gradient[i] = gradientScale * d;
    }
    return sum;
  }
}

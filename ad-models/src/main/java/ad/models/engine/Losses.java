package ad.models.engine;

/** Losses and their gradients with respect to the network output, on flat row-major buffers. */
public final class Losses {
  private Losses() {}

  /**
   * Mean squared error over all {@code n} cells (DL4J's MSE: the per-row mean over columns, averaged
   * over rows) and its gradient {@code 2 (output - target) / n}, written into {@code gradient}.
   */
  public static double meanSquaredError(float[] output, float[] target, int n, float[] gradient) {
    double sum = 0;
    float scale = 2f / n;
    for (int i = 0; i < n; i++) {
      float d = output[i] - target[i];
      sum += d * d;
      gradient[i] = scale * d;
    }
    return sum / n;
  }
}

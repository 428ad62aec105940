package ad.models.dl4j;

import ad.core.Dataset;
import ad.models.train.Trainable;

/**
 * A {@link Dl4jNetwork} under the project's training loop: one DL4J fit per mini-batch, the
 * validation loss as the mean squared reconstruction error of the clean validation rows (in the
 * batches the model scores in), and the parameters as one array for best-weights restore.
 */
final class Dl4jTraining implements Trainable {
  /** Rows per scoring batch, as the native engine's. */
  static final int BATCH_ROWS = 256;

  private final Dl4jNetwork net;
  private final InputNoise noise;
  private final float[] noisy;

  /** @param noise the denoising autoencoder's input corruption, or null */
  Dl4jTraining(Dl4jNetwork net, int batchSize, InputNoise noise) {
    this.net = net;
    this.noise = noise;
    this.noisy = noise == null ? null : new float[batchSize * net.layout().features()];
  }

  @Override
  public double trainBatch(float[] rows, int count) {
    float[] input = rows;
    if (noise != null) {
      noise.apply(rows, count * net.layout().features(), noisy);
      input = noisy;
    }
    return net.fit(input, rows, count);
  }

  @Override
  public double validationLoss(Dataset validation) {
    return meanSquaredError(net, validation);
  }

  @Override
  public float[] snapshot() {
    return net.parameters();
  }

  @Override
  public void restore(float[] snapshot) {
    net.setParameters(snapshot);
  }

  /** The mean over rows of each row's mean squared reconstruction error. */
  static double meanSquaredError(Dl4jNetwork net, Dataset data) {
    int d = data.columns();
    float[] batch = new float[Math.min(BATCH_ROWS, data.rows()) * d];
    double sum = 0;
    for (int first = 0; first < data.rows(); first += BATCH_ROWS) {
      int count = Math.min(BATCH_ROWS, data.rows() - first);
      data.copyRows(first, count, batch);
      float[] out = net.reconstruct(batch, count);
      for (int r = 0; r < count; r++) {
        double row = 0;
        for (int j = r * d; j < (r + 1) * d; j++) {
          double e = batch[j] - out[j];
          row += e * e;
        }
        sum += row / d;
      }
    }
    return sum / data.rows();
  }

  /** Writes a corrupted copy of the first {@code n} values of {@code clean} into {@code noisy}. */
  interface InputNoise {
    void apply(float[] clean, int n, float[] noisy);
  }
}

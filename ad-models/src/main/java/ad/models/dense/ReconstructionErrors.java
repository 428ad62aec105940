package ad.models.dense;

import ad.core.Dataset;

/**
 * Squared reconstruction errors of a dataset, computed in batches of {@link #BATCH_ROWS} rows so that
 * a large dataset never becomes one giant native array.
 *
 * <p>Each cell's error is {@code (x - x')^2} in float; a row's score is the double sum of its cells'
 * errors divided by the column count. Both views use the same float cells in the same order, so the
 * row mean of {@link #perFeature} is exactly {@link #rowMeans}.
 */
final class ReconstructionErrors {
  /** Rows per forward pass: large enough to amortise the framework overhead, small in memory. */
  static final int BATCH_ROWS = 4096;

  private ReconstructionErrors() {}

  /** The mean squared error of each row. */
  static double[] rowMeans(Reconstructor network, Dataset data) {
    int columns = data.columns();
    double[] out = new double[data.rows()];
    forEachBatch(network, data, (first, count, input, output) -> {
      for (int r = 0; r < count; r++) {
        double sum = 0;
        int base = r * columns;
        for (int c = 0; c < columns; c++) {
          float d = input[base + c] - output[base + c];
          sum += d * d;
        }
        out[first + r] = sum / columns;
      }
    });
    return out;
  }

  /** The squared error of each cell, row-major. */
  static float[] perFeature(Reconstructor network, Dataset data) {
    int columns = data.columns();
    float[] out = new float[Math.multiplyExact(data.rows(), columns)];
    forEachBatch(network, data, (first, count, input, output) -> {
      int base = first * columns;
      for (int i = 0; i < count * columns; i++) {
        float d = input[i] - output[i];
        out[base + i] = d * d;
      }
    });
    return out;
  }

  /** The mean of {@link #rowMeans}: the loss of the whole dataset. */
  static double mean(Reconstructor network, Dataset data) {
    double sum = 0;
    for (double v : rowMeans(network, data)) {
      sum += v;
    }
    return sum / data.rows();
  }

  private interface BatchConsumer {
    void accept(int firstRow, int count, float[] input, float[] reconstruction);
  }

  private static void forEachBatch(Reconstructor network, Dataset data, BatchConsumer consumer) {
    int columns = data.columns();
    for (int first = 0; first < data.rows(); first += BATCH_ROWS) {
      int count = Math.min(BATCH_ROWS, data.rows() - first);
      // A fresh array per batch: the engine gets exactly count * columns values.
      float[] input = new float[count * columns];
      data.copyRows(first, count, input);
      consumer.accept(first, count, input, network.reconstruct(input, count));
    }
  }
}

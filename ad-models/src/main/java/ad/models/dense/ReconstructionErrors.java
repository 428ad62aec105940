package ad.models.dense;

import ad.core.Dataset;
import ad.models.engine.ScoringThreads;
import ad.models.train.Residual;

/**
 * Reconstruction errors of a dataset (squared unless a {@link Residual} says otherwise), computed in batches of {@link #BATCH_ROWS} rows: large
 * enough that a batch is a few efficient products, small enough to stay in cache.
 *
 * <p>Each cell's error is {@code (x - x')^2} (or {@code |x - x'|}) in float; a row's score is the double sum of its cells'
 * errors divided by the column count. Both views use the same float cells in the same order, so the
 * row mean of {@link #perFeature} is exactly {@link #rowMeans}. From a {@link ReconstructorSource}
 * the batches are spread over {@link ScoringThreads}, each thread with its own reconstructor; the
 * results are the same as on one thread.
 */
final class ReconstructionErrors {
  /**
   * Rows per forward pass: with two scoring threads, 256-row batches scored dense-64 at 1.0-1.7M
   * rows/s against 0.8M for 1024 (busy machine); on one thread the size made little difference.
   */
  static final int BATCH_ROWS = 256;

  private ReconstructionErrors() {}

  /** The mean error of each row. */
  static double[] rowMeans(ReconstructorSource source, Dataset data, Residual residual) {
    double[] out = new double[data.rows()];
    ScoringThreads.forEachBatch(data.rows(), BATCH_ROWS,
        () -> new Batches(source.open(), data, rowMeansInto(out, data.columns(), residual)));
    return out;
  }

  /** The mean squared error of each row (the training loss), on the calling thread. */
  static double[] rowMeans(Reconstructor network, Dataset data) {
    double[] out = new double[data.rows()];
    Batches batches = new Batches(network, data, rowMeansInto(out, data.columns(), Residual.SQUARED));
    for (int first = 0; first < data.rows(); first += BATCH_ROWS) {
      batches.batch(first, Math.min(BATCH_ROWS, data.rows() - first));
    }
    return out;
  }

  /** The error of each cell, row-major. */
  static float[] perFeature(ReconstructorSource source, Dataset data, Residual residual) {
    int columns = data.columns();
    float[] out = new float[Math.multiplyExact(data.rows(), columns)];
    ScoringThreads.forEachBatch(data.rows(), BATCH_ROWS, () -> new Batches(source.open(), data,
        (first, count, input, output) -> {
          int base = first * columns;
          for (int i = 0; i < count * columns; i++) {
            out[base + i] = residual.of(input[i] - output[i]);
          }
        }));
    return out;
  }

  /** The network's output for every row, row-major: the reconstructions the errors are taken from. */
  static float[] reconstructions(ReconstructorSource source, Dataset data) {
    int columns = data.columns();
    float[] out = new float[Math.multiplyExact(data.rows(), columns)];
    ScoringThreads.forEachBatch(data.rows(), BATCH_ROWS, () -> new Batches(source.open(), data,
        (first, count, input, output) -> System.arraycopy(output, 0, out, first * columns, count * columns)));
    return out;
  }

  /** The mean of {@link #rowMeans}: the loss of the whole dataset, on the calling thread. */
  static double mean(Reconstructor network, Dataset data) {
    double sum = 0;
    for (double v : rowMeans(network, data)) {
      sum += v;
    }
    return sum / data.rows();
  }

  private static BatchConsumer rowMeansInto(double[] out, int columns, Residual residual) {
    return (first, count, input, output) -> {
      for (int r = 0; r < count; r++) {
        double sum = 0;
        int base = r * columns;
        for (int c = 0; c < columns; c++) {
          sum += residual.of(input[base + c] - output[base + c]);
        }
        out[first + r] = sum / columns;
      }
    };
  }

  private interface BatchConsumer {
    void accept(int firstRow, int count, float[] input, float[] reconstruction);
  }

  /** One thread's batches: its reconstructor and input buffer. */
  private static final class Batches implements ScoringThreads.Worker {
    private final Reconstructor network;
    private final Dataset data;
    private final BatchConsumer consumer;
    private final float[] input;

    Batches(Reconstructor network, Dataset data, BatchConsumer consumer) {
      this.network = network;
      this.data = data;
      this.consumer = consumer;
      this.input = new float[Math.min(BATCH_ROWS, Math.max(1, data.rows())) * data.columns()];
    }

    @Override
    public void batch(int first, int count) {
      data.copyRows(first, count, input);
      consumer.accept(first, count, input, network.reconstruct(input, count));
    }
  }
}

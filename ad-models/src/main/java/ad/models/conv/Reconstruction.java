package ad.models.conv;

import ad.core.Dataset;
import ad.models.train.Residual;
import java.util.SplittableRandom;

/** Runs rows through a trained network, split between the workers, and measures the errors. */
final class Reconstruction {
  private Reconstruction() {}

  /** Receives one row's input and output planes; {@code scratch} is the worker's own row buffer. */
  private interface RowSink {
    void accept(int row, float[][] input, float[][] output, float[] scratch);
  }

  /**
   * The error of every feature ({@code perFeature}, row-major in the row's own order) or the mean
   * error of every row, squared or absolute as {@code residual} says.
   */
  static float[] errors(Network net, InputLayout layout, Dataset data, Workers workers,
      boolean perFeature, Residual residual) {
    int d = layout.features();
    float[] out = new float[perFeature ? data.rows() * d : data.rows()];
    forEachRow(net, layout, data, workers, (r, x, y, err) -> {
      if (perFeature) {
        layout.errors(y, x, residual, out, r * d);
      } else {
        layout.errors(y, x, residual, err, 0);
        double sum = 0;
        for (float e : err) {
          sum += e;
        }
        out[r] = (float) (sum / d);
      }
    });
    return out;
  }

  /** The network's output for every row, row-major in the row's own order (channels last). */
  static float[] reconstructions(Network net, InputLayout layout, Dataset data, Workers workers) {
    int d = layout.features();
    float[] out = new float[Math.multiplyExact(data.rows(), d)];
    forEachRow(net, layout, data, workers, (r, x, y, scratch) -> layout.fromPlanes(y, out, r * d));
    return out;
  }

  static double meanError(Network net, InputLayout layout, Dataset data, Workers workers) {
    double sum = 0;
    for (float e : errors(net, layout, data, workers, false, Residual.SQUARED)) {
      sum += e;
    }
    return sum / data.rows();
  }

  /** Forwards every row, each worker its slice with its own pass and buffers. */
  private static void forEachRow(Network net, InputLayout layout, Dataset data, Workers workers,
      RowSink sink) {
    int d = layout.features();
    workers.run(slice -> {
      Network.Pass pass = net.newPass();
      float[] row = new float[d];
      float[] scratch = new float[d];
      float[][] x = net.in().newPlanes();
      SplittableRandom unused = new SplittableRandom(0);
      int to = Workers.from(slice + 1, workers.count(), data.rows());
      for (int r = Workers.from(slice, workers.count(), data.rows()); r < to; r++) {
        layout.toPlanes(data, r, row, x);
        float[][] y = pass.forward(x, false, unused);
        sink.accept(r, x, y, scratch);
      }
      return null;
    });
  }
}

package ad.models.conv;

import ad.core.Dataset;
import java.util.SplittableRandom;

/** Runs rows through a trained network, split between the workers, and measures the errors. */
final class Reconstruction {
  private Reconstruction() {}

  /**
   * The squared error of every feature ({@code perFeature}, row-major in the row's own order) or the
   * mean squared error of every row.
   */
  static float[] errors(Network net, InputLayout layout, Dataset data, Workers workers,
      boolean perFeature) {
    int d = layout.features();
    float[] out = new float[perFeature ? data.rows() * d : data.rows()];
    workers.run(slice -> {
      Network.Pass pass = net.newPass();
      float[] row = new float[d];
      float[] err = perFeature ? null : new float[d];
      float[][] x = net.in().newPlanes();
      SplittableRandom unused = new SplittableRandom(0);
      int to = Workers.from(slice + 1, workers.count(), data.rows());
      for (int r = Workers.from(slice, workers.count(), data.rows()); r < to; r++) {
        layout.toPlanes(data, r, row, x);
        float[][] y = pass.forward(x, false, unused);
        if (perFeature) {
          layout.squaredErrors(y, x, out, r * d);
        } else {
          layout.squaredErrors(y, x, err, 0);
          double sum = 0;
          for (float e : err) {
            sum += e;
          }
          out[r] = (float) (sum / d);
        }
      }
      return null;
    });
    return out;
  }

  static double meanError(Network net, InputLayout layout, Dataset data, Workers workers) {
    double sum = 0;
    for (float e : errors(net, layout, data, workers, false)) {
      sum += e;
    }
    return sum / data.rows();
  }
}

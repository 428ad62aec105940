package ad.models.nn;

import ad.models.network.Shape;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Inverted dropout: while training, zeroes each value with probability {@code rate} and scales the
 * rest by {@code 1 / (1 - rate)}; at inference it passes values through. {@link #drop} is the one
 * implementation, which the dense layers ({@link MlpPass}) use as well.
 */
final class DropoutLayer extends Layer {
  private final float rate;

  DropoutLayer(Shape shape, double rate) {
    super(shape, shape);
    this.rate = (float) rate;
  }

  /**
   * Draws a mask for the first {@code n} values ({@code 0} with probability {@code rate}, else
   * {@code 1 / (1 - rate)}) and writes {@code out = in * mask}.
   */
  static void drop(float[] in, float[] mask, float[] out, int n, float rate, RandomGenerator random) {
    float keep = 1 / (1 - rate);
    for (int i = 0; i < n; i++) {
      mask[i] = random.nextFloat() < rate ? 0f : keep;
      out[i] = in[i] * mask[i];
    }
  }

  @Override
  Work newWork() {
    return new MaskWork(in());
  }

  @Override
  void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
    float[][] mask = ((MaskWork) work).mask;
    for (int c = 0; c < in().channels(); c++) {
      if (training) {
        drop(x[c], mask[c], work.out[c], x[c].length, rate, random);
      } else {
        java.util.Arrays.fill(mask[c], 1f);
        System.arraycopy(x[c], 0, work.out[c], 0, x[c].length);
      }
    }
  }

  @Override
  void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
    for (int c = 0; c < in().channels(); c++) {
      float[] mask = ((MaskWork) work).mask[c];
      float[] g = dy[c];
      float[] d = dx[c];
      for (int i = 0; i < g.length; i++) {
        d[i] = g[i] * mask[i];
      }
    }
  }

  /** The scale each value got: 0 where dropped, {@code 1 / (1 - rate)} where kept. */
  private static final class MaskWork extends Work {
    final float[][] mask;

    MaskWork(Shape shape) {
      super(shape, List.of());
      this.mask = shape.newPlanes();
    }
  }
}

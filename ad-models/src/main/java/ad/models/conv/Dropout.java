package ad.models.conv;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Inverted dropout: while training, zeroes each value with probability {@code rate} and scales the
 * rest by {@code 1 / (1 - rate)}; at inference it passes values through.
 */
final class Dropout implements Layer {
  private final Shape shape;
  private final float rate;

  Dropout(Shape shape, double rate) {
    this.shape = shape;
    this.rate = (float) rate;
  }

  @Override
  public Shape in() {
    return shape;
  }

  @Override
  public Shape out() {
    return shape;
  }

  @Override
  public Work newWork() {
    return new MaskWork(shape);
  }

  @Override
  public void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
    float keep = 1f / (1f - rate);
    for (int c = 0; c < shape.channels(); c++) {
      float[] src = x[c];
      float[] dst = work.out[c];
      float[] mask = ((MaskWork) work).mask[c];
      for (int i = 0; i < src.length; i++) {
        mask[i] = !training ? 1f : random.nextFloat() < rate ? 0f : keep;
        dst[i] = src[i] * mask[i];
      }
    }
  }

  @Override
  public void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
    for (int c = 0; c < shape.channels(); c++) {
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

package ad.models.nn;

import ad.models.network.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fully connected layer of the conv engine (the dense bottleneck), from any shape to any shape:
 * the input is read flat (channel planes one after another, each row-major) and the output is written flat the same way, so flattening before
 * and reshaping after it come for free. {@code y = b + W x}.
 *
 * <p>The weights are kept as one row per input value ({@code w[i][o]}), so the forward pass and the
 * weight gradient are sums of whole rows ({@link Kernels#axpy}); the input gradient is a dot product
 * per row ({@link Kernels#dot}).
 */
final class FullyConnected extends WeightedLayer {

  /** Weights {@code w[i][o]}, from flat input value i to flat output value o, Glorot-uniform. */
  FullyConnected(Shape in, Shape out, SplittableRandom init) {
    super(in, out, glorot(in.size(), out.size(), in.size(), out.size(), init),
        new float[out.size()]);
  }

  @Override
  Work newWork() {
    return new DenseWork(in(), out(), params());
  }

  @Override
  void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
    DenseWork dw = (DenseWork) work;
    float[] xf = dw.flatIn;
    flatten(x, xf);
    float[] y = dw.flatOut;
    int n = y.length;
    System.arraycopy(bias, 0, y, 0, n);
    for (int i = 0; i < xf.length; i++) {
      float xi = xf[i];
      if (xi == 0f) {
        continue; // after a ReLU most inputs are 0
      }
      Kernels.axpy(y, xi, w[i], n);
    }
    unflatten(y, dw.out);
  }

  @Override
  void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
    DenseWork dw = (DenseWork) work;
    // flatIn still holds this sample's input from the forward pass.
    float[] xf = dw.flatIn;
    float[] g = dw.flatOut;
    flatten(dy, g);
    int n = g.length;
    float[] db = dw.grads[w.length];
    for (int o = 0; o < n; o++) {
      db[o] += g[o];
    }
    for (int i = 0; i < xf.length; i++) {
      float xi = xf[i];
      if (xi == 0f) {
        continue;
      }
      Kernels.axpy(dw.grads[i], xi, g, n);
    }
    if (dx == null) {
      return;
    }
    float[] d = dw.flatIn;
    for (int i = 0; i < d.length; i++) {
      d[i] = Kernels.dot(w[i], g, n);
    }
    unflatten(d, dx);
  }

  private static void flatten(float[][] planes, float[] flat) {
    int at = 0;
    for (float[] p : planes) {
      System.arraycopy(p, 0, flat, at, p.length);
      at += p.length;
    }
  }

  private static void unflatten(float[] flat, float[][] planes) {
    int at = 0;
    for (float[] p : planes) {
      System.arraycopy(flat, at, p, 0, p.length);
      at += p.length;
    }
  }

  /**
   * Flat copies of the input and output. {@code flatIn} keeps the forward pass's input for the
   * weight gradient and is then reused for the input gradient; {@code flatOut} is reused for the
   * output gradient.
   */
  private static final class DenseWork extends Work {
    final float[] flatIn;
    final float[] flatOut;

    DenseWork(Shape in, Shape out, List<float[]> params) {
      super(out, params);
      this.flatIn = new float[in.size()];
      this.flatOut = new float[out.size()];
    }
  }
}

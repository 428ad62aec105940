package ad.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.models.Training;
import ad.models.conv.ConvAutoencoderOptions;
import ad.models.conv.Pooling;
import ad.models.conv.Upsampling;
import ad.models.network.Activation;
import ad.models.network.ConvLayer;
import ad.models.network.InputLayout;
import ad.models.network.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of the engine's gradients on tiny networks: every parameter's analytic
 * gradient must match the central difference of the loss {@code 0.5 * sum (y - t)^2}, on every
 * layer kind, odd sizes (partial pooling windows, cropped upsampling), strides and both decoders.
 * Smooth activations (tanh, identity) leave max pooling as the only kink.
 */
class ConvGradientCheckTest {

  @Test
  void imageNetWithPoolingAndNearestUpsampling() {
    check(new InputLayout(7, 6, 2, false), options(List.of(3, 2), 3, 1, Pooling.MAX, Upsampling.NEAREST, null));
  }

  @Test
  void imageNetWithStridesAndTransposedConvolutions() {
    check(new InputLayout(7, 5, 2, false), options(List.of(3, 2), 3, 2, Pooling.NONE, Upsampling.TRANSPOSED, null));
  }

  @Test
  void imageNetWithPoolingAndTransposedConvolutions() {
    check(new InputLayout(6, 6, 1, false), options(List.of(2), 2, 1, Pooling.MAX, Upsampling.TRANSPOSED, null));
  }

  @Test
  void seriesNet() {
    check(new InputLayout(1, 9, 3, true), options(List.of(4, 2), 3, 1, Pooling.MAX, Upsampling.NEAREST, null));
  }

  /** Dense layers alone: a 2x3x2 map flattened to 5 units and back to 3x2x2, then to 4 units. */
  @Test
  void denseLayers() {
    SplittableRandom init = new SplittableRandom(3);
    Shape in = new Shape(2, 3, 2);
    Shape mid = new Shape(3, 2, 2);
    check(LayerStack.build(List.of(
        new ConvLayer.FullyConnected(in, new Shape(1, 1, 5)),
        new ConvLayer.Nonlinearity(new Shape(1, 1, 5), Activation.TANH),
        new ConvLayer.FullyConnected(new Shape(1, 1, 5), mid),
        new ConvLayer.Nonlinearity(mid, Activation.TANH),
        new ConvLayer.FullyConnected(mid, new Shape(4, 1, 1))), init));
  }

  @Test
  void imageNetWithDenseBottleneck() {
    check(new InputLayout(9, 8, 2, false), options(List.of(3, 2), 3, 1, Pooling.MAX,
        Upsampling.NEAREST, 4));
  }

  @Test
  void seriesNetWithDenseBottleneckAndTransposedConvolutions() {
    check(new InputLayout(1, 9, 3, true), options(List.of(4, 2), 3, 1, Pooling.MAX,
        Upsampling.TRANSPOSED, 3));
  }

  /** The bottleneck follows the encoder's pooling (partial windows count): 9x8 -> 5x4 -> 3x2. */
  @Test
  void bottleneckSitsBetweenEncoderAndDecoder() {
    List<ConvLayer> layers = options(List.of(3, 2), 3, 1, Pooling.MAX, Upsampling.NEAREST, 4)
        .architecture(new InputLayout(9, 8, 2, false)).layers();
    List<ConvLayer> dense = layers.stream().filter(l -> l instanceof ConvLayer.FullyConnected)
        .toList();
    assertEquals(2, dense.size());
    assertEquals(new Shape(2, 3, 2), dense.get(0).in());
    assertEquals(new Shape(1, 1, 4), dense.get(0).out());
    assertEquals(new Shape(2, 3, 2), dense.get(1).out());
    assertEquals(layers.get(0).in(), layers.get(layers.size() - 1).out());
  }

  private static ConvAutoencoderOptions options(List<Integer> filters, int kernel, int strides,
      Pooling pooling, Upsampling upsampling, Integer codeSize) {
    return new ConvAutoencoderOptions(null, filters, codeSize, kernel, strides, pooling, upsampling,
        Activation.TANH, Activation.IDENTITY, 1, null, Training.with().options());
  }

  private static void check(InputLayout layout, ConvAutoencoderOptions options) {
    check(LayerStack.build(options.architecture(layout).layers(), new SplittableRandom(42)));
  }

  private static void check(LayerStack net) {
    SplittableRandom random = new SplittableRandom(7);
    float[][] x = net.in().newPlanes();
    float[][] target = net.out().newPlanes();
    fill(x, random);
    fill(target, random);
    List<float[]> params = net.params();
    for (float[] p : params) {
      for (int i = 0; i < p.length; i++) {
        p[i] += (float) (random.nextDouble() - 0.5) * 0.2f; // biases away from 0
      }
    }
    LayerStack.Pass pass = net.newPass();
    float[][] y = pass.forward(x, true, random);
    float[][] dOut = net.out().newPlanes();
    for (int c = 0; c < y.length; c++) {
      for (int i = 0; i < y[c].length; i++) {
        dOut[c][i] = y[c][i] - target[c][i];
      }
    }
    pass.zeroGrads();
    pass.backward(x, dOut);
    List<float[]> grads = pass.grads();
    int checked = 0;
    List<String> misses = new java.util.ArrayList<>();
    for (int p = 0; p < params.size(); p++) {
      float[] w = params.get(p);
      for (int i = 0; i < w.length; i++) {
        double analytic = grads.get(p)[i];
        // Max pooling has kinks where two inputs of a window tie; a step across one spoils the
        // difference, so a second, smaller step gets a chance. The loss is computed in float, which
        // bounds how small a step can be.
        if (!matches(analytic, numeric(pass, x, target, random, w, i, 1e-3f))
            && !matches(analytic, numeric(pass, x, target, random, w, i, 2e-4f))) {
          misses.add("param " + p + "[" + i + "]: analytic " + analytic + ", numeric "
              + numeric(pass, x, target, random, w, i, 1e-3f));
        }
        checked++;
      }
    }
    assertTrue(checked > 10, "checked " + checked);
    assertTrue(misses.size() <= checked / 25, checked + " checked, mismatches: " + misses);
  }

  private static boolean matches(double analytic, double numeric) {
    return Math.abs(analytic - numeric) <= 1e-2 * Math.max(Math.abs(analytic), Math.abs(numeric))
        + 2e-3;
  }

  private static double numeric(LayerStack.Pass pass, float[][] x, float[][] target,
      SplittableRandom random, float[] w, int i, float eps) {
    float saved = w[i];
    w[i] = saved + eps;
    double plus = loss(pass, x, target, random);
    w[i] = saved - eps;
    double minus = loss(pass, x, target, random);
    w[i] = saved;
    return (plus - minus) / (2 * eps);
  }

  private static double loss(LayerStack.Pass pass, float[][] x, float[][] target,
      SplittableRandom random) {
    float[][] y = pass.forward(x, false, random);
    double sum = 0;
    for (int c = 0; c < y.length; c++) {
      for (int i = 0; i < y[c].length; i++) {
        double d = y[c][i] - target[c][i];
        sum += 0.5 * d * d;
      }
    }
    return sum;
  }

  private static void fill(float[][] planes, SplittableRandom random) {
    for (float[] p : planes) {
      for (int i = 0; i < p.length; i++) {
        p[i] = (float) (random.nextDouble() * 2 - 1);
      }
    }
  }
}

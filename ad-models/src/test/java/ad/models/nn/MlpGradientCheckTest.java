package ad.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.models.network.Activation;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Back-propagation against central finite differences on tiny nets: every activation (hidden and
 * output), the MSE loss, dropout with a fixed mask, and the input gradient.
 */
class MlpGradientCheckTest {
  private static final int ROWS = 5;
  private static final float H = 1e-3f;

  @ParameterizedTest
  @EnumSource(Activation.class)
  void everyActivationAsHiddenAndOutput(Activation activation) {
    check(activation, activation, 0, 11);
    check(activation, Activation.SIGMOID, 0, 12);
  }

  @Test
  void dropoutWithAFixedMask() {
    check(Activation.TANH, Activation.IDENTITY, 0.3, 13);
  }

  /** Compares every weight, bias and input gradient of a 3-4-3-2 net with finite differences. */
  private static void check(Activation hidden, Activation output, double dropout, long seed) {
    Mlp net = Mlp.xavier(List.of(3, 4, 3, 2), hidden, output, seed);
    // Non-zero biases, so that pre-activations spread over both sides of the kinks.
    SplittableRandom random = new SplittableRandom(seed);
    float[] flat = net.parameters();
    for (int i = 0; i < flat.length; i++) {
      flat[i] += (float) (0.3 * random.nextGaussian());
    }
    net.setParameters(flat);
    float[] x = new float[ROWS * 3];
    float[] target = new float[ROWS * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < target.length; i++) {
      target[i] = random.nextFloat();
    }
    MlpPass pass = new MlpPass(net, ROWS, true);
    float[] gradient = new float[ROWS * 2];
    // The same mask in every forward: a fresh generator with the same seed.
    DoubleSupplier loss = () -> Losses.squaredErrors(
        pass.forward(x, ROWS, dropout, new SplittableRandom(99)), target, ROWS * 2, 2f / (ROWS * 2),
        gradient) / (ROWS * 2);
    loss.getAsDouble();
    pass.backward(gradient, ROWS);
    float[] inputGradient = pass.inputGradient().clone();
    List<Parameter> parameters = net.parameters(pass);
    String name = hidden + "/" + output + (dropout > 0 ? "/dropout" : "");
    for (int p = 0; p < parameters.size(); p++) {
      float[] values = parameters.get(p).value();
      float[] analytic = parameters.get(p).gradient().clone();
      for (int i = 0; i < values.length; i++) {
        assertClose(analytic[i], numeric(values, i, loss), name + " parameter " + p + "[" + i + "]");
      }
    }
    for (int i = 0; i < x.length; i++) {
      assertClose(inputGradient[i], numeric(x, i, loss), name + " input[" + i + "]");
    }
  }

  /** The central difference of {@code loss} in {@code values[i]}, step {@link #H}. */
  static double numeric(float[] values, int i, DoubleSupplier loss) {
    float saved = values[i];
    values[i] = saved + H;
    double plus = loss.getAsDouble();
    values[i] = saved - H;
    double minus = loss.getAsDouble();
    values[i] = saved;
    return (plus - minus) / (2 * H);
  }

  static void assertClose(double analytic, double numeric, String what) {
    // Float forward passes: differences of ~1e-7 relative in the loss over 2e-3 of step.
    double tolerance = 2e-3 + 2e-2 * Math.abs(numeric);
    assertTrue(Math.abs(analytic - numeric) <= tolerance,
        what + ": analytic " + analytic + " vs numeric " + numeric);
  }

  @Test
  void fastSigmoidAndTanhMatchTheExactFunctions() {
    for (float z = -30f; z <= 30f; z += 0.001f) {
      assertEquals(1 / (1 + Math.exp(-z)), FastMath.sigmoid(z), 2e-7, "sigmoid " + z);
      assertEquals(Math.tanh(z), FastMath.tanh(z), 4e-7, "tanh " + z);
    }
  }

  @Test
  void adamTakesABiasCorrectedStepAndDecaysOnlyWeights() {
    float[] weight = {1f};
    float[] weightGradient = {0.5f};
    float[] bias = {1f};
    float[] biasGradient = {0f};
    Adam adam = new Adam(List.of(new Parameter(weight, weightGradient, true),
        new Parameter(bias, biasGradient, false)), 0.01, 0.0);
    adam.step();
    // Bias-corrected, the first step moves by lr * g / |g| = lr whatever the gradient's size.
    assertEquals(0.99f, weight[0], 1e-6);
    assertEquals(1f, bias[0]);

    float[] w2 = {2f};
    float[] b2 = {2f};
    Adam decaying = new Adam(List.of(new Parameter(w2, new float[1], true),
        new Parameter(b2, new float[1], false)), 0.01, 0.1);
    decaying.step();
    assertEquals(1.99f, w2[0], 1e-6, "L2 pulls a weight with zero gradient towards 0");
    assertEquals(2f, b2[0], "no decay on biases");
  }

  @Test
  void oneBlasThreadPerEngineThreadUnlessTheEnvironmentSaysOtherwise() throws Exception {
    String env = System.getenv("OMP_NUM_THREADS");
    int expected = env == null ? 1 : Integer.parseInt(env.trim());
    var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      assertEquals(expected, (int) pool.submit(Blas::threads).get());
    } finally {
      pool.shutdown();
    }
  }
}

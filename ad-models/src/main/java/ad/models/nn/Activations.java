package ad.models.nn;

import ad.models.network.Activation;

/**
 * The native engine's arithmetic for the one activation set ({@link Activation}), on whole buffers so
 * that each loop is one tight, specialised pass; the dense layers and the conv engine's activation
 * layers both call it.
 *
 * <p>Sigmoid and tanh use {@link FastMath}'s vectorisable rational approximation (absolute error
 * below 2e-7); ELU, SELU and the others compute in double with the JDK's functions. At a kink (0 for
 * ReLU) the derivative taken is that of the right-hand piece for z > 0 and of the left-hand piece
 * otherwise.
 */
final class Activations {
  private static final float LEAK = 0.01f;
  private static final double SELU_LAMBDA = 1.0507009873554805;
  private static final double SELU_ALPHA = 1.6732632423543772;
  private static final double GELU_C = Math.sqrt(2 / Math.PI);
  private static final double GELU_K = 0.044715;

  private Activations() {}

  /**
   * Adds {@code bias} to every row of {@code z} ({@code rows x width}) and writes
   * {@code a = f(z + bias)}: one pass instead of two (the separate bias pass showed in profiles).
   * {@code a} may be {@code z}.
   */
  static void applyWithBias(Activation f, float[] z, float[] bias, float[] a, int rows, int width) {
    for (int r = 0; r < rows; r++) {
      int base = r * width;
      switch (f) {
        case RELU -> {
          for (int j = 0; j < width; j++) {
            float v = z[base + j] + bias[j];
            z[base + j] = v;
            a[base + j] = Math.max(v, 0f);
          }
        }
        case SIGMOID -> {
          for (int j = 0; j < width; j++) {
            float v = z[base + j] + bias[j];
            z[base + j] = v;
            a[base + j] = FastMath.sigmoid(v);
          }
        }
        case IDENTITY -> {
          for (int j = 0; j < width; j++) {
            float v = z[base + j] + bias[j];
            z[base + j] = v;
            a[base + j] = v;
          }
        }
        default -> {
          for (int j = 0; j < width; j++) {
            z[base + j] += bias[j];
          }
          apply(f, z, a, base, width);
        }
      }
    }
  }

  /** {@code a[i] = f(z[i])} for {@code from <= i < from + n}; {@code a} may be {@code z}. */
  static void apply(Activation f, float[] z, float[] a, int from, int n) {
    int end = from + n;
    switch (f) {
      case RELU -> {
        for (int i = from; i < end; i++) {
          a[i] = Math.max(z[i], 0f);
        }
      }
      case LEAKYRELU -> {
        for (int i = from; i < end; i++) {
          a[i] = z[i] > 0 ? z[i] : LEAK * z[i];
        }
      }
      case SIGMOID -> {
        for (int i = from; i < end; i++) {
          a[i] = FastMath.sigmoid(z[i]);
        }
      }
      case TANH -> {
        for (int i = from; i < end; i++) {
          a[i] = FastMath.tanh(z[i]);
        }
      }
      case IDENTITY -> {
        if (a != z) {
          System.arraycopy(z, from, a, from, n);
        }
      }
      default -> {
        for (int i = from; i < end; i++) {
          a[i] = value(f, z[i]);
        }
      }
    }
  }

  /**
   * {@code dx[i] = dy[i] * f'(z[i])} for {@code i < n}, where {@code a[i] = f(z[i])} came from
   * {@link #apply}: the chain rule through the activation. {@code dx} may be {@code dy}.
   */
  static void backward(Activation f, float[] z, float[] a, float[] dy, float[] dx, int n) {
    backward(f, z, a, dy, dx, 0, n);
  }

  /**
   * {@link #backward(Activation, float[], float[], float[], float[], int)} on the values
   * {@code from <= i < from + n} of all four arrays (the LSTM's gate blocks within a row).
   */
  static void backward(Activation f, float[] z, float[] a, float[] dy, float[] dx, int from,
      int n) {
    int end = from + n;
    switch (f) {
      case RELU -> {
        // min(a * 2^126, 1) is 1 where a > 0 (a >= 2^-126, the smallest normal float; a is 0 or a
        // normal float in practice) and 0 where a = 0, and unlike a comparison it vectorises.
        for (int i = from; i < end; i++) {
          dx[i] = dy[i] * Math.min(a[i] * 0x1p126f, 1f);
        }
      }
      case SIGMOID -> {
        for (int i = from; i < end; i++) {
          dx[i] = dy[i] * (a[i] * (1 - a[i]));
        }
      }
      case TANH -> {
        for (int i = from; i < end; i++) {
          dx[i] = dy[i] * (1 - a[i] * a[i]);
        }
      }
      case IDENTITY -> {
        if (dx != dy) {
          System.arraycopy(dy, from, dx, from, n);
        }
      }
      default -> {
        for (int i = from; i < end; i++) {
          dx[i] = dy[i] * derivative(f, z[i], a[i]);
        }
      }
    }
  }

  /** f(z). */
  static float value(Activation f, float z) {
    double x = z;
    return (float) switch (f) {
      case RELU -> Math.max(x, 0);
      case LEAKYRELU -> x > 0 ? x : LEAK * x;
      case ELU -> x > 0 ? x : Math.expm1(x);
      case SELU -> x > 0 ? SELU_LAMBDA * x : SELU_LAMBDA * SELU_ALPHA * Math.expm1(x);
      case GELU -> 0.5 * x * (1 + Math.tanh(GELU_C * (x + GELU_K * x * x * x)));
      case SWISH -> x * sigmoid(x);
      case MISH -> x * Math.tanh(softplus(x));
      case TANH -> FastMath.tanh(z);
      case SIGMOID -> FastMath.sigmoid(z);
      case HARDSIGMOID -> Math.min(1, Math.max(0, 0.2 * x + 0.5));
      case HARDTANH -> Math.min(1, Math.max(-1, x));
      case SOFTPLUS -> softplus(x);
      case SOFTSIGN -> x / (1 + Math.abs(x));
      case IDENTITY -> x;
    };
  }

  /** f'(z), given also a = f(z). */
  static float derivative(Activation f, float z, float a) {
    double x = z;
    return (float) switch (f) {
      case RELU -> x > 0 ? 1 : 0;
      case LEAKYRELU -> x > 0 ? 1 : LEAK;
      case ELU -> x > 0 ? 1 : a + 1;
      case SELU -> x > 0 ? SELU_LAMBDA : a + SELU_LAMBDA * SELU_ALPHA;
      case GELU -> {
        double t = Math.tanh(GELU_C * (x + GELU_K * x * x * x));
        yield 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GELU_C * (1 + 3 * GELU_K * x * x);
      }
      case SWISH -> {
        double s = sigmoid(x);
        yield s + x * s * (1 - s);
      }
      case MISH -> {
        double t = Math.tanh(softplus(x));
        yield t + x * (1 - t * t) * sigmoid(x);
      }
      case TANH -> 1 - (double) a * a;
      case SIGMOID -> (double) a * (1 - a);
      case HARDSIGMOID -> x > -2.5 && x < 2.5 ? 0.2 : 0;
      case HARDTANH -> x > -1 && x < 1 ? 1 : 0;
      case SOFTPLUS -> sigmoid(x);
      case SOFTSIGN -> 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x)));
      case IDENTITY -> 1;
    };
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** log(1 + e^z) without overflow. */
  private static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }
}

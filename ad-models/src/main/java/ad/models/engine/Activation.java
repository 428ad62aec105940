package ad.models.engine;

import java.util.Locale;

/**
 * Elementwise activations and their derivatives, applied to whole buffers so that each loop is one
 * tight, specialised pass.
 *
 * <p>Definitions follow DL4J's where it has a choice: leaky ReLU slope 0.01, ELU alpha 1, the SELU
 * constants of Klambauer et al., hard sigmoid {@code clip(0.2 z + 0.5, 0, 1)}, hard tanh
 * {@code clip(z, -1, 1)}. Sigmoid and tanh use {@link FastMath}'s vectorisable approximation (absolute
 * error below 2e-7). GELU is the tanh approximation of Hendrycks and Gimpel (PyTorch's
 * {@code approximate='tanh'}), since Java has no erf. At a kink (0 for ReLU) the derivative taken is
 * that of the right-hand piece for z > 0 and of the left-hand piece otherwise.
 */
public enum Activation {
  RELU, LEAKYRELU, ELU, SELU, GELU, SWISH, MISH, TANH, SIGMOID, HARDSIGMOID, HARDTANH, SOFTPLUS,
  SOFTSIGN, IDENTITY;

  private static final float LEAK = 0.01f;
  private static final double SELU_LAMBDA = 1.0507009873554805;
  private static final double SELU_ALPHA = 1.6732632423543772;
  private static final double GELU_C = Math.sqrt(2 / Math.PI);
  private static final double GELU_K = 0.044715;

  /** The activation named as in the YAML options ({@code relu}, {@code leakyrelu}, ...). */
  public static Activation named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /**
   * Adds {@code bias} to every row of {@code z} ({@code rows x width}) and writes
   * {@code a = f(z + bias)}: one pass instead of two (the separate bias pass showed in profiles).
   * {@code a} may be {@code z}.
   */
  void applyWithBias(float[] z, float[] bias, float[] a, int rows, int width) {
    for (int r = 0; r < rows; r++) {
      int base = r * width;
      switch (this) {
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
          apply(z, a, base, width);
        }
      }
    }
  }

  /** {@code a[i] = f(z[i])} for {@code i < n}; {@code a} may be {@code z}. */
  void apply(float[] z, float[] a, int n) {
    apply(z, a, 0, n);
  }

  /** {@code a[i] = f(z[i])} for {@code from <= i < from + n}. */
  private void apply(float[] z, float[] a, int from, int n) {
    int end = from + n;
    switch (this) {
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
          a[i] = sigmoid(z[i]);
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
          a[i] = value(z[i]);
        }
      }
    }
  }

  /**
   * {@code delta[i] *= f'(z[i])}, where {@code a[i] = f(z[i])} was computed by {@link #apply}: the
   * chain rule through the activation, for {@code i < n}.
   */
  void backward(float[] z, float[] a, float[] delta, int n) {
    switch (this) {
      case RELU -> {
        for (int i = 0; i < n; i++) {
          if (z[i] <= 0) {
            delta[i] = 0;
          }
        }
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) {
          delta[i] *= a[i] * (1 - a[i]);
        }
      }
      case TANH -> {
        for (int i = 0; i < n; i++) {
          delta[i] *= 1 - a[i] * a[i];
        }
      }
      case IDENTITY -> { }
      default -> {
        for (int i = 0; i < n; i++) {
          delta[i] *= derivative(z[i], a[i]);
        }
      }
    }
  }

  /** f(z). */
  float value(float z) {
    double x = z;
    return (float) switch (this) {
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
  float derivative(float z, float a) {
    double x = z;
    return (float) switch (this) {
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

  static float sigmoid(float z) {
    return FastMath.sigmoid(z);
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** log(1 + e^z) without overflow. */
  static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }
}

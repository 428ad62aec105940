package ad.models.conv;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An element-wise activation. Only functions whose derivative follows from their output are offered,
 * so the backward pass needs nothing saved but the output.
 */
final class Activation implements Layer {
  /** The names accepted for {@code activation} and {@code output_activation}. */
  static final List<String> NAMES = List.of("relu", "leakyrelu", "elu", "tanh", "sigmoid", "identity");

  private static final float LEAK = 0.01f;

  private final Shape shape;
  private final String name;

  Activation(Shape shape, String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown activation " + name);
    }
    this.shape = shape;
    this.name = name.toLowerCase(Locale.ROOT);
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
    return new Work(shape, List.of());
  }

  @Override
  public void forward(float[][] x, Work work, boolean training, SplittableRandom random) {
    for (int c = 0; c < shape.channels(); c++) {
      float[] src = x[c];
      float[] dst = work.out[c];
      int n = src.length;
      switch (name) {
        case "relu" -> {
          for (int i = 0; i < n; i++) {
            dst[i] = Math.max(src[i], 0f);
          }
        }
        case "leakyrelu" -> {
          for (int i = 0; i < n; i++) {
            dst[i] = src[i] > 0 ? src[i] : LEAK * src[i];
          }
        }
        case "elu" -> {
          for (int i = 0; i < n; i++) {
            dst[i] = src[i] > 0 ? src[i] : (float) Math.expm1(src[i]);
          }
        }
        case "tanh" -> {
          for (int i = 0; i < n; i++) {
            dst[i] = (float) Math.tanh(src[i]);
          }
        }
        case "sigmoid" -> {
          for (int i = 0; i < n; i++) {
            dst[i] = (float) (1.0 / (1.0 + Math.exp(-src[i])));
          }
        }
        default -> System.arraycopy(src, 0, dst, 0, n);
      }
    }
  }

  @Override
  public void backward(float[][] x, Work work, float[][] dy, float[][] dx) {
    for (int c = 0; c < shape.channels(); c++) {
      float[] y = work.out[c];
      float[] g = dy[c];
      float[] d = dx[c];
      int n = y.length;
      switch (name) {
        case "relu" -> {
          // min(y * 2^126, 1) is 1 where y > 0 (y >= 2^-126, the smallest normal float; y is 0 or a
          // normal float in practice) and 0 where y = 0, and unlike a comparison it vectorises.
          for (int i = 0; i < n; i++) {
            d[i] = g[i] * Math.min(y[i] * 0x1p126f, 1f);
          }
        }
        case "leakyrelu" -> {
          for (int i = 0; i < n; i++) {
            d[i] = y[i] > 0 ? g[i] : LEAK * g[i];
          }
        }
        case "elu" -> {
          for (int i = 0; i < n; i++) {
            d[i] = y[i] > 0 ? g[i] : g[i] * (y[i] + 1f);
          }
        }
        case "tanh" -> {
          for (int i = 0; i < n; i++) {
            d[i] = g[i] * (1f - y[i] * y[i]);
          }
        }
        case "sigmoid" -> {
          for (int i = 0; i < n; i++) {
            d[i] = g[i] * y[i] * (1f - y[i]);
          }
        }
        default -> System.arraycopy(g, 0, d, 0, n);
      }
    }
  }
}

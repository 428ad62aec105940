package ad.models.network;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The corruption a denoising autoencoder learns to undo, drawn afresh for every batch (so every
 * epoch) from a seeded stream.
 *
 * @param kind Gaussian or masking
 * @param level the Gaussian noise's standard deviation, or the masking probability
 */
public record InputNoise(NoiseKind kind, double level) {

  public InputNoise {
    Objects.requireNonNull(kind, "kind");
  }

  /** Writes the first {@code n} values of {@code clean}, corrupted, into {@code noisy}. */
  public void apply(float[] clean, int n, float[] noisy, RandomGenerator random) {
    float l = (float) level;
    if (kind == NoiseKind.GAUSSIAN) {
      for (int i = 0; i < n; i++) {
        noisy[i] = clean[i] + l * (float) random.nextGaussian();
      }
    } else {
      for (int i = 0; i < n; i++) {
        noisy[i] = random.nextFloat() < l ? 0f : clean[i];
      }
    }
  }
}

package ad.models.dense;

import java.util.random.RandomGenerator;

/**
 * The input noise of a denoising autoencoder: writes a corrupted copy of the clean rows, drawing from
 * a seeded stream that advances with every batch, so each epoch sees fresh noise.
 */
interface Corruption {

  /** Writes the first {@code n} values of {@code clean}, corrupted, into {@code noisy}. */
  void apply(float[] clean, int n, float[] noisy, RandomGenerator random);

  /** Adds {@code N(0, std^2)} to every input. */
  static Corruption gaussian(double std) {
    float s = (float) std;
    return (clean, n, noisy, random) -> {
      for (int i = 0; i < n; i++) {
        noisy[i] = clean[i] + s * (float) random.nextGaussian();
      }
    };
  }

  /** Sets each input to zero with probability {@code fraction} (masking noise, Vincent et al. 2008). */
  static Corruption masking(double fraction) {
    float f = (float) fraction;
    return (clean, n, noisy, random) -> {
      for (int i = 0; i < n; i++) {
        noisy[i] = random.nextFloat() < f ? 0f : clean[i];
      }
    };
  }
}

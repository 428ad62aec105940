package ad.models.vae;

import java.util.SplittableRandom;

/**
 * The standard normal draws {@code eps} of the reparameterisation {@code z = mu + sigma * eps} at
 * evaluation time (validation, scoring): a row's draws depend only on the model's seed and the row's
 * values, so a row scores the same alone or in any batch, and the same seed gives identical scores.
 */
final class LatentNoise {
  private LatentNoise() {}

  /**
   * Fills {@code eps[s][r * latent + k]} for samples {@code s < eps.length}, rows {@code r < count} of
   * {@code rows} ({@code columns} values each).
   */
  static void fill(long seed, float[] rows, int count, int columns, int latent, float[][] eps) {
    for (int r = 0; r < count; r++) {
      long h = seed;
      for (int c = 0; c < columns; c++) {
        h = mix(h ^ Float.floatToIntBits(rows[r * columns + c]));
      }
      SplittableRandom random = new SplittableRandom(h);
      for (float[] sample : eps) {
        for (int k = 0; k < latent; k++) {
          sample[r * latent + k] = (float) random.nextGaussian();
        }
      }
    }
  }

  /** The SplitMix64 finaliser, as in {@link ad.core.Seeds}. */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

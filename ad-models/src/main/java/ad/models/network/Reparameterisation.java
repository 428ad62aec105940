package ad.models.network;

/** {@code z = mu + exp(v / 2) * eps} and the KL term, on the encoder's {@code [mu, v]} rows. */
public final class Reparameterisation {
  /** Log-variances beyond this are clamped inside exp so that sigma stays finite. */
  public static final float MAX_LOG_VARIANCE = 30f;

  private Reparameterisation() {}

  /** Writes {@code z} for {@code count} rows from encoder output {@code h} ({@code 2 * latent} wide). */
  public static void sample(float[] h, float[] eps, int count, int latent, float[] z) {
    for (int r = 0; r < count; r++) {
      int hb = r * 2 * latent;
      int zb = r * latent;
      for (int k = 0; k < latent; k++) {
        z[zb + k] = h[hb + k] + sigma(h[hb + latent + k]) * eps[zb + k];
      }
    }
  }

  /** Writes {@code sigma = exp(v / 2)} of {@code count} rows, to draw many samples from it. */
  public static void sigmas(float[] h, int count, int latent, float[] sigma) {
    for (int r = 0; r < count; r++) {
      for (int k = 0; k < latent; k++) {
        sigma[r * latent + k] = sigma(h[r * 2 * latent + latent + k]);
      }
    }
  }

  /** {@link #sample} with the rows' {@link #sigmas} computed once. */
  public static void sample(float[] h, float[] sigma, float[] eps, int count, int latent, float[] z) {
    for (int r = 0; r < count; r++) {
      int hb = r * 2 * latent;
      int zb = r * latent;
      for (int k = 0; k < latent; k++) {
        z[zb + k] = h[hb + k] + sigma[zb + k] * eps[zb + k];
      }
    }
  }

  /** Writes the posterior means {@code mu} of {@code count} rows into {@code z}. */
  public static void mean(float[] h, int count, int latent, float[] z) {
    for (int r = 0; r < count; r++) {
      System.arraycopy(h, r * 2 * latent, z, r * latent, latent);
    }
  }

  /** {@code KL(q(z | x) || N(0, I)) = -1/2 sum(1 + v - mu^2 - e^v)} of row {@code r}. */
  public static double kl(float[] h, int r, int latent) {
    int hb = r * 2 * latent;
    double sum = 0;
    for (int k = 0; k < latent; k++) {
      double mu = h[hb + k];
      double v = Math.min(h[hb + latent + k], MAX_LOG_VARIANCE);
      sum += 1 + v - mu * mu - Math.exp(v);
    }
    return -0.5 * sum;
  }

  public static float sigma(float v) {
    return (float) Math.exp(0.5 * Math.min(v, MAX_LOG_VARIANCE));
  }
}

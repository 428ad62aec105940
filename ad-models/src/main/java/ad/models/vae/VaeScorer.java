package ad.models.vae;

import ad.core.Dataset;
import ad.models.network.Likelihood;
import ad.models.network.Reconstructor;
import ad.models.network.Reparameterisation;
import ad.models.network.VaeCodec;
import ad.models.network.VariationalNetwork;

/**
 * Scores and per-feature errors of a VAE, batch by batch, through one thread's {@link VaeCodec}: the
 * same definitions on every engine. A row's score does not depend on its batch or thread.
 *
 * <ul>
 *   <li>reconstruction probability (An and Cho 2015): {@code -log((1/L) sum_l p(x | z_l))} with
 *       {@code z_l} drawn from {@code q(z | x)}, computed as {@code -(logsumexp_l log p(x | z_l) -
 *       log L)}: never exponentiated, since {@code p(x | z)} of 64 features under- or overflows;
 *   <li>reconstruction error: mean over features of {@code (x - E[x | z = mu])^2};
 *   <li>negative ELBO: {@code (1/L) sum_l -log p(x | z_l) + beta * KL}.
 * </ul>
 *
 * <p>Per-feature errors: for the reconstruction error score, the squared error of each feature (their
 * row mean is the score); for the other two, each feature's negative log-likelihood under the decoded
 * distribution at {@code z = mu} (a deterministic view of which features the model finds unlikely; their
 * sum is not the Monte Carlo score).
 */
final class VaeScorer {
  private final VaeCodec codec;
  private final Likelihood likelihood;
  private final float[] logVariance;
  private final int columns;
  private final int latent;
  private final double beta;
  private final long seed;
  private final int samples;
  private final float[] z;
  private final float[] sigma;
  private final float[][] eps;
  private final double[][] logLikelihood;
  private final double[] rowNll;

  /**
   * @param seed what every row's Monte Carlo draws derive from (see {@link LatentNoise})
   * @param samples latent draws per row
   */
  VaeScorer(VariationalNetwork network, Likelihood likelihood, double beta, long seed, int samples) {
    this.codec = network.codec();
    this.likelihood = likelihood;
    this.logVariance = network.logVariance();
    this.columns = network.columns();
    this.latent = network.latent();
    this.beta = beta;
    this.seed = seed;
    this.samples = samples;
    int rows = Reconstructor.BATCH_ROWS;
    this.z = new float[rows * latent];
    this.sigma = new float[rows * latent];
    this.eps = new float[samples][rows * latent];
    this.logLikelihood = new double[samples][rows];
    this.rowNll = new double[rows];
  }

  /**
   * The negative ELBO of each of {@code data}'s rows with one seeded draw per row, on the calling
   * thread: the rows' losses that training validates by.
   */
  static double[] negativeElbos(VariationalNetwork network, Likelihood likelihood, double beta,
      long seed, Dataset data) {
    VaeScorer scorer = new VaeScorer(network, likelihood, beta, seed, 1);
    float[] x = new float[Reconstructor.BATCH_ROWS * data.columns()];
    double[] scores = new double[data.rows()];
    for (int first = 0; first < data.rows(); first += Reconstructor.BATCH_ROWS) {
      int count = Math.min(Reconstructor.BATCH_ROWS, data.rows() - first);
      data.copyRows(first, count, x);
      scorer.scores(x, count, VaeScore.NEGATIVE_ELBO, scores, first);
    }
    return scores;
  }

  /** Writes the {@code kind} score of each of {@code count} rows of {@code x} into {@code scores}. */
  void scores(float[] x, int count, VaeScore kind, double[] scores, int first) {
    float[] h = codec.encode(x, count);
    if (kind == VaeScore.RECONSTRUCTION_ERROR) {
      Reparameterisation.mean(h, count, latent, z);
      float[] out = codec.decode(z, count);
      for (int r = 0; r < count; r++) {
        double sum = 0;
        for (int j = 0; j < columns; j++) {
          double d = x[r * columns + j] - likelihood.mean(out[r * columns + j]);
          sum += d * d;
        }
        scores[first + r] = sum / columns;
      }
      return;
    }
    LatentNoise.fill(seed, x, count, columns, latent, eps);
    Reparameterisation.sigmas(h, count, latent, sigma);
    for (int s = 0; s < samples; s++) {
      Reparameterisation.sample(h, sigma, eps[s], count, latent, z);
      float[] out = codec.decode(z, count);
      likelihood.rows(x, out, count, columns, logVariance, rowNll);
      for (int r = 0; r < count; r++) {
        logLikelihood[s][r] = -rowNll[r];
      }
    }
    for (int r = 0; r < count; r++) {
      scores[first + r] = kind == VaeScore.NEGATIVE_ELBO
          ? -mean(r) + beta * Reparameterisation.kl(h, r, latent)
          : -(logSumExp(r) - Math.log(samples));
    }
  }

  /** Writes each feature's error (see the class notes) of {@code count} rows into {@code errors}. */
  void errors(float[] x, int count, VaeScore kind, float[] errors, int first) {
    float[] out = decodeMeans(x, count);
    if (kind != VaeScore.RECONSTRUCTION_ERROR) {
      likelihood.cells(x, out, count, columns, logVariance, errors, first * columns);
      return;
    }
    for (int i = 0; i < count * columns; i++) {
      errors[first * columns + i] = (float) square(x[i] - likelihood.mean(out[i]));
    }
  }

  /** Writes the decoded mean {@code E[x | z = mu]} of each row into {@code means}. */
  void means(float[] x, int count, float[] means, int first) {
    float[] out = decodeMeans(x, count);
    for (int i = 0; i < count * columns; i++) {
      means[first * columns + i] = (float) likelihood.mean(out[i]);
    }
  }

  /** The decoder's raw output at {@code z = mu} of each row. */
  private float[] decodeMeans(float[] x, int count) {
    Reparameterisation.mean(codec.encode(x, count), count, latent, z);
    return codec.decode(z, count);
  }

  private double logSumExp(int r) {
    double max = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < samples; s++) {
      max = Math.max(max, logLikelihood[s][r]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int s = 0; s < samples; s++) {
      sum += Math.exp(logLikelihood[s][r] - max);
    }
    return max + Math.log(sum);
  }

  private double mean(int r) {
    double sum = 0;
    for (int s = 0; s < samples; s++) {
      sum += logLikelihood[s][r];
    }
    return sum / samples;
  }

  private static double square(double d) {
    return d * d;
  }
}

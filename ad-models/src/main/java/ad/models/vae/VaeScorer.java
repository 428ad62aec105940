package ad.models.vae;

import ad.core.Dataset;
import ad.models.engine.MlpPass;
import ad.models.engine.ScoringThreads;

/**
 * Scores and per-feature errors of a VAE, batch by batch, with inference passes of its own over the
 * network it is given: one scorer per thread. The static entry points spread a dataset's batches over
 * {@link ScoringThreads}; a row's score does not depend on its batch or thread.
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
  /** Rows per batch, as for the dense models (see {@code ReconstructionErrors}). */
  static final int BATCH_ROWS = 256;

  private final VaeNetwork net;
  private final Likelihood likelihood;
  private final double beta;
  private final long seed;
  private final int samples;
  private final MlpPass encoder;
  private final MlpPass decoder;
  private final float[] z;
  private final float[] sigma;
  private final float[][] eps;
  private final double[][] logLikelihood;
  private final float[] x;
  private final double[] rowNll;

  VaeScorer(VaeNetwork net, Likelihood likelihood, double beta, long seed, int samples) {
    this.net = net;
    this.likelihood = likelihood;
    this.beta = beta;
    this.seed = seed;
    this.samples = samples;
    this.encoder = new MlpPass(net.encoder, BATCH_ROWS);
    this.decoder = new MlpPass(net.decoder, BATCH_ROWS);
    this.z = new float[BATCH_ROWS * net.latent];
    this.sigma = new float[BATCH_ROWS * net.latent];
    this.eps = new float[samples][BATCH_ROWS * net.latent];
    this.logLikelihood = new double[samples][BATCH_ROWS];
    this.x = new float[BATCH_ROWS * net.columns()];
    this.rowNll = new double[BATCH_ROWS];
  }

  /** Scores of every row of {@code data} on the calling thread. */
  double[] scores(Dataset data, VaeScore kind) {
    double[] out = new double[data.rows()];
    for (int first = 0; first < data.rows(); first += BATCH_ROWS) {
      scoreBatch(data, first, Math.min(BATCH_ROWS, data.rows() - first), kind, out);
    }
    return out;
  }

  /** Scores of every row, over {@link ScoringThreads}, each thread on its own copy of {@code weights}. */
  static double[] scores(VaeNetwork weights, Likelihood likelihood, double beta, long seed,
      int samples, Dataset data, VaeScore kind) {
    double[] out = new double[data.rows()];
    ScoringThreads.forEachBatch(data.rows(), BATCH_ROWS, () -> {
      VaeScorer scorer = new VaeScorer(weights.copy(), likelihood, beta, seed, samples);
      return (first, count) -> scorer.scoreBatch(data, first, count, kind, out);
    });
    return out;
  }

  /** Per-feature errors of every row, over {@link ScoringThreads}. */
  static float[] featureErrors(VaeNetwork weights, Likelihood likelihood, Dataset data,
      VaeScore kind) {
    float[] out = new float[Math.multiplyExact(data.rows(), data.columns())];
    ScoringThreads.forEachBatch(data.rows(), BATCH_ROWS, () -> {
      VaeScorer scorer = new VaeScorer(weights.copy(), likelihood, 0, 0, 1);
      return (first, count) -> scorer.errorBatch(data, first, count, kind, out);
    });
    return out;
  }

  /** The decoded mean {@code E[x | z = mu]} of every row, row-major, over {@link ScoringThreads}. */
  static float[] reconstructions(VaeNetwork weights, Likelihood likelihood, Dataset data) {
    float[] out = new float[Math.multiplyExact(data.rows(), data.columns())];
    ScoringThreads.forEachBatch(data.rows(), BATCH_ROWS, () -> {
      VaeScorer scorer = new VaeScorer(weights.copy(), likelihood, 0, 0, 1);
      return (first, count) -> scorer.meanBatch(data, first, count, out);
    });
    return out;
  }

  /** Decodes {@code z = mu} of each row of the batch into {@code x}'s buffer; returns the raw output. */
  private float[] decodeMeans(Dataset data, int first, int count) {
    data.copyRows(first, count, x);
    Reparameterisation.mean(encoder.forward(x, count), count, net.latent, z);
    return decoder.forward(z, count);
  }

  private void meanBatch(Dataset data, int first, int count, float[] means) {
    int columns = data.columns();
    float[] out = decodeMeans(data, first, count);
    for (int i = 0; i < count * columns; i++) {
      means[first * columns + i] = (float) likelihood.mean(out[i]);
    }
  }

  private void scoreBatch(Dataset data, int first, int count, VaeScore kind, double[] scores) {
    int columns = data.columns();
    int latent = net.latent;
    data.copyRows(first, count, x);
    float[] h = encoder.forward(x, count);
    if (kind == VaeScore.RECONSTRUCTION_ERROR) {
      Reparameterisation.mean(h, count, latent, z);
      float[] out = decoder.forward(z, count);
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
      float[] out = decoder.forward(z, count);
      likelihood.rows(x, out, count, columns, net.logVariance, rowNll);
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

  private void errorBatch(Dataset data, int first, int count, VaeScore kind, float[] errors) {
    int columns = data.columns();
    float[] out = decodeMeans(data, first, count);
    if (kind != VaeScore.RECONSTRUCTION_ERROR) {
      likelihood.cells(x, out, count, columns, net.logVariance, errors, first * columns);
      return;
    }
    for (int i = 0; i < count * columns; i++) {
      errors[first * columns + i] = (float) square(x[i] - likelihood.mean(out[i]));
    }
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

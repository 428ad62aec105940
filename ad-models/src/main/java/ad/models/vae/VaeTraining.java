package ad.models.vae;

import ad.core.Dataset;
import ad.models.engine.Adam;
import ad.models.engine.MlpPass;
import ad.models.engine.Parameter;
import ad.models.train.Trainable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One ELBO step of a VAE on the engine. Per row the loss is
 * {@code sum_j nll(x_j | decoder(z)) + beta * KL(q(z | x) || N(0, I))} with one reparameterised draw
 * {@code z = mu + exp(v / 2) * eps}, {@code eps} from the seeded {@code "latent"} stream; the batch
 * loss is its mean over rows. Gradients flow through the decoder into {@code z}, then into
 * {@code mu} and {@code v} by the chain rule of the reparameterisation, plus the KL term's own
 * gradient, then through the encoder.
 *
 * <p>The validation loss is the same objective, computed as the {@code negative_elbo} score with one
 * latent draw per row (seeded per row, so it is comparable between epochs) and no dropout.
 */
final class VaeTraining implements Trainable {
  private final VaeNetwork net;
  private final Likelihood likelihood;
  private final float beta;
  private final double dropout;
  private final MlpPass encoder;
  private final MlpPass decoder;
  private final List<Parameter> parameters;
  private final Adam adam;
  private final float[] logVarianceGradient;
  private final SplittableRandom latentRandom;
  private final SplittableRandom dropoutRandom;
  private final float[] eps;
  private final float[] z;
  private final float[] outputGradient;
  private final float[] encoderGradient;
  private final long validationSeed;

  VaeTraining(VaeNetwork net, VariationalAutoencoderOptions options, int batchSize, long latentSeed,
      long dropoutSeed, long validationSeed) {
    this.net = net;
    this.likelihood = options.likelihood();
    this.beta = options.beta().floatValue();
    this.dropout = options.dropout();
    this.encoder = new MlpPass(net.encoder, batchSize);
    this.decoder = new MlpPass(net.decoder, batchSize, true);
    this.logVarianceGradient = new float[net.logVariance.length];
    List<Parameter> parameters = new ArrayList<>(net.encoder.parameters(encoder));
    parameters.addAll(net.decoder.parameters(decoder));
    if (likelihood == Likelihood.GAUSSIAN) {
      parameters.add(new Parameter(net.logVariance, logVarianceGradient, false));
    }
    this.parameters = List.copyOf(parameters);
    this.adam = new Adam(parameters, options.learningRate(), options.l2());
    this.latentRandom = new SplittableRandom(latentSeed);
    this.dropoutRandom = new SplittableRandom(dropoutSeed);
    this.eps = new float[batchSize * net.latent];
    this.z = new float[batchSize * net.latent];
    this.outputGradient = new float[batchSize * net.columns()];
    this.encoderGradient = new float[batchSize * 2 * net.latent];
    this.validationSeed = validationSeed;
  }

  @Override
  public double trainBatch(float[] rows, int count) {
    for (int i = 0; i < count * net.latent; i++) {
      eps[i] = (float) latentRandom.nextGaussian();
    }
    double loss = lossAndGradients(rows, count, eps);
    adam.step();
    return loss;
  }

  /**
   * The mean loss per row of {@code count} rows with the given draws {@code noise} (count x latent),
   * leaving its gradients in the {@link #parameters()}' gradient arrays. Separate from the update so
   * that a test can check the gradients against finite differences.
   */
  double lossAndGradients(float[] rows, int count, float[] noise) {
    int latent = net.latent;
    int columns = net.columns();
    if (noise != eps) {
      System.arraycopy(noise, 0, eps, 0, count * latent);
    }
    float[] h = encoder.forward(rows, count, dropout, dropoutRandom);
    Reparameterisation.sample(h, eps, count, latent, z);
    float[] out = decoder.forward(z, count, dropout, dropoutRandom);
    double loss = reconstruction(rows, out, count, columns);
    for (int r = 0; r < count; r++) {
      loss += beta * Reparameterisation.kl(h, r, latent);
    }
    decoder.backward(outputGradient, count);
    latentGradient(h, decoder.inputGradient(), count, latent);
    encoder.backward(encoderGradient, count);
    return loss / count;
  }

  /** Every trained tensor with its gradient, as the optimiser sees them. */
  List<Parameter> parameters() {
    return parameters;
  }

  /** The summed NLL of the batch; writes its gradients (divided by {@code count}). */
  private double reconstruction(float[] x, float[] out, int count, int columns) {
    java.util.Arrays.fill(logVarianceGradient, 0f);
    return likelihood.batch(x, out, count, columns, net.logVariance, outputGradient,
        logVarianceGradient, 1.0 / count);
  }

  /** d loss / d [mu, v] from d loss / d z and the KL term. */
  private void latentGradient(float[] h, float[] dz, int count, int latent) {
    float scale = 1f / count;
    for (int r = 0; r < count; r++) {
      int hb = r * 2 * latent;
      int zb = r * latent;
      for (int k = 0; k < latent; k++) {
        float mu = h[hb + k];
        float v = h[hb + latent + k];
        float sigma = Reparameterisation.sigma(v);
        encoderGradient[hb + k] = dz[zb + k] + beta * mu * scale;
        encoderGradient[hb + latent + k] = dz[zb + k] * eps[zb + k] * 0.5f * sigma
            + beta * 0.5f * (sigma * sigma - 1) * scale;
      }
    }
  }

  @Override
  public double validationLoss(Dataset validation) {
    VaeScorer scorer = new VaeScorer(net, likelihood, beta, validationSeed, 1);
    double sum = 0;
    for (double v : scorer.scores(validation, VaeScore.NEGATIVE_ELBO)) {
      sum += v;
    }
    return sum / validation.rows();
  }

  @Override
  public float[] snapshot() {
    return net.snapshot();
  }

  @Override
  public void restore(float[] snapshot) {
    net.restore(snapshot);
  }
}

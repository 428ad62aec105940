package ad.models.nn;

import ad.core.Seeds;
import ad.models.network.Likelihood;
import ad.models.network.Reparameterisation;
import ad.models.network.RowTrim;
import ad.models.network.TrainingStep;
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
 * <p>Draws: {@code eps} from the fit seed's {@code "latent"} stream, dropout masks from its
 * {@code "dropout"} stream.
 *
 * <p>{@link RowTrim Trimming}: each row's negative ELBO with the step's own draw is measured by a
 * forward pass without dropout, and the step then trains on the kept rows (with their draws) only.
 */
final class VaeTraining implements TrainingStep {
  private final MlpVae net;
  private final int latent;
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
  private final RowTrim trim;
  private final Trimming trimming;

  VaeTraining(MlpVae net, double learningRate, double l2, int batchSize, RowTrim trim, long seed) {
    this.net = net;
    this.latent = net.latent();
    this.likelihood = net.architecture().likelihood();
    this.beta = (float) net.architecture().beta();
    this.dropout = net.architecture().dropout();
    this.encoder = new MlpPass(net.encoder, batchSize);
    this.decoder = new MlpPass(net.decoder, batchSize, true);
    this.logVarianceGradient = new float[net.logVariance.length];
    List<Parameter> parameters = new ArrayList<>(net.encoder.parameters(encoder));
    parameters.addAll(net.decoder.parameters(decoder));
    if (likelihood == Likelihood.GAUSSIAN) {
      parameters.add(new Parameter(net.logVariance, logVarianceGradient, false));
    }
    this.parameters = List.copyOf(parameters);
    this.adam = new Adam(parameters, learningRate, l2);
    this.latentRandom = new SplittableRandom(Seeds.derive(seed, "latent"));
    this.dropoutRandom = new SplittableRandom(Seeds.derive(seed, "dropout"));
    this.eps = new float[batchSize * latent];
    this.z = new float[batchSize * latent];
    this.outputGradient = new float[batchSize * net.columns()];
    this.encoderGradient = new float[batchSize * 2 * latent];
    this.trim = trim;
    this.trimming = trim.active() ? new Trimming(batchSize) : null;
  }

  @Override
  public double trainBatch(float[] rows, int count) {
    for (int i = 0; i < count * latent; i++) {
      eps[i] = (float) latentRandom.nextGaussian();
    }
    double loss = trimming == null || trim.kept(count) == count
        ? lossAndGradients(rows, count, eps)
        : trimming.lossAndGradients(rows, count);
    adam.step();
    return loss;
  }

  /** The buffers of trimmed steps: an inference pass, the rows' losses, the kept rows and draws. */
  private final class Trimming {
    private final MlpPass encoderInference;
    private final MlpPass decoderInference;
    private final double[] losses;
    private final boolean[] keep;
    private final float[] keptRows;
    private final float[] keptEps;
    private final float[] draws;

    Trimming(int batchSize) {
      encoderInference = new MlpPass(net.encoder, batchSize);
      decoderInference = new MlpPass(net.decoder, batchSize);
      losses = new double[batchSize];
      keep = new boolean[batchSize];
      keptRows = new float[batchSize * net.columns()];
      keptEps = new float[batchSize * latent];
      draws = new float[batchSize * latent];
    }

    /** {@link VaeTraining#lossAndGradients} of the kept rows of {@code eps}'s draws. */
    double lossAndGradients(float[] rows, int count) {
      int columns = net.columns();
      float[] h = encoderInference.forward(rows, count);
      Reparameterisation.sample(h, eps, count, latent, draws);
      float[] out = decoderInference.forward(draws, count);
      likelihood.negativeElbo(rows, out, h, count, columns, latent, net.logVariance, beta, losses);
      trim.select(losses, count, keep);
      int kept = RowTrim.compact(rows, columns, keep, count, keptRows);
      RowTrim.compact(eps, latent, keep, count, keptEps);
      return VaeTraining.this.lossAndGradients(keptRows, kept, keptEps);
    }
  }

  /**
   * The mean loss per row of {@code count} rows with the given draws {@code noise} (count x latent),
   * leaving its gradients in the {@link #parameters()}' gradient arrays. Separate from the update so
   * that a test can check the gradients against finite differences.
   */
  double lossAndGradients(float[] rows, int count, float[] noise) {
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
}

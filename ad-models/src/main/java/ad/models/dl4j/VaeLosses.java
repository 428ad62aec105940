package ad.models.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The VAE's loss terms as DL4J loss functions, per row, with the native engine's definitions (see
 * {@code ad.models.vae.Likelihood}): the Gaussian negative log-likelihood with one learned
 * log-variance per feature (clamped to [-9, 9], no gradient outside), the Bernoulli one (binary
 * cross-entropy on logits, inputs clamped to [0, 1]), and the KL term {@code beta * KL(q(z|x) ||
 * N(0, I))} of the encoder's output (its labels are ignored). DL4J's built-in losses have no learned
 * variance, no KL term, and clip the Bernoulli's probabilities at 1e-5.
 */
final class VaeLosses {
  static final double MIN_LOG_VARIANCE = -9;
  static final double MAX_LOG_VARIANCE = 9;
  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private VaeLosses() {}

  /** A loss whose per-row value and gradient come from one method; masks are not supported. */
  private abstract static class RowLoss implements ILossFunction {

    /** The per-row losses {@code [rows, 1]} and, when {@code gradient}, d loss / d output. */
    abstract Pair<INDArray, INDArray> rows(INDArray labels, INDArray output, boolean gradient);

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn,
        INDArray mask, boolean average) {
      INDArray rows = computeScoreArray(labels, preOutput, activationFn, mask);
      double sum = rows.sumNumber().doubleValue();
      return average ? sum / rows.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn,
        INDArray mask) {
      return rows(labels, activationFn.getActivation(preOutput.dup(), true), false).getFirst();
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn,
        INDArray mask) {
      INDArray output = activationFn.getActivation(preOutput.dup(), true);
      INDArray dOutput = rows(labels, output, true).getSecond();
      return activationFn.backprop(preOutput.dup(), dOutput).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
        IActivation activationFn, INDArray mask, boolean average) {
      return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
          computeGradient(labels, preOutput, activationFn, mask));
    }
  }

  /** Output {@code [mean, log-variance]} ({@code 2 * features} wide), labels the rows. */
  static final class GaussianNll extends RowLoss {
    @Override
    Pair<INDArray, INDArray> rows(INDArray x, INDArray output, boolean gradient) {
      long d = x.size(1);
      INDArray mean = output.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d));
      INDArray rawLogVariance = output.get(NDArrayIndex.all(), NDArrayIndex.interval(d, 2 * d));
      INDArray logVariance = Transforms.min(Transforms.max(rawLogVariance, MIN_LOG_VARIANCE, true),
          MAX_LOG_VARIANCE, false);
      INDArray precision = Transforms.exp(logVariance.neg(), false);
      INDArray difference = x.sub(mean);
      INDArray weighted = difference.mul(difference).muli(precision);
      INDArray cells = logVariance.add(LOG_2PI).muli(0.5).addi(weighted.mul(0.5));
      INDArray rowLoss = cells.sum(true, 1);
      if (!gradient) {
        return new Pair<>(rowLoss, null);
      }
      INDArray dOutput = output.ulike();
      dOutput.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d))
          .assign(difference.mul(precision).negi());
      INDArray inRange = rawLogVariance.gte(MIN_LOG_VARIANCE).castTo(output.dataType())
          .muli(rawLogVariance.lte(MAX_LOG_VARIANCE).castTo(output.dataType()));
      dOutput.get(NDArrayIndex.all(), NDArrayIndex.interval(d, 2 * d))
          .assign(weighted.rsub(1).muli(0.5).muli(inRange));
      return new Pair<>(rowLoss, dOutput);
    }

    @Override
    public String name() {
      return "gaussian_nll";
    }
  }

  /** Output logits ({@code features} wide), labels the rows. */
  static final class BernoulliNll extends RowLoss {
    @Override
    Pair<INDArray, INDArray> rows(INDArray x, INDArray logits, boolean gradient) {
      INDArray target = Transforms.min(Transforms.max(x, 0.0, true), 1.0, false);
      // softplus(o) - x o, as max(o, 0) + log(1 + e^-|o|) - x o: no overflow for large |o|.
      INDArray softplus = Transforms.relu(logits, true)
          .addi(Transforms.log(Transforms.exp(Transforms.abs(logits, true).negi(), false).addi(1),
              false));
      INDArray rowLoss = softplus.subi(target.mul(logits)).sum(true, 1);
      if (!gradient) {
        return new Pair<>(rowLoss, null);
      }
      return new Pair<>(rowLoss, Transforms.sigmoid(logits, true).subi(target));
    }

    @Override
    public String name() {
      return "bernoulli_nll";
    }
  }

  /** Output the encoder's {@code [mu, v]}; the labels are ignored. */
  static final class WeightedKl extends RowLoss {
    private final double beta;

    WeightedKl(double beta) {
      this.beta = beta;
    }

    @Override
    Pair<INDArray, INDArray> rows(INDArray ignored, INDArray h, boolean gradient) {
      long latent = h.size(1) / 2;
      INDArray mu = h.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent));
      INDArray v = Transforms.min(h.get(NDArrayIndex.all(), NDArrayIndex.interval(latent,
          2 * latent)), ReparameterisationVertex.MAX_LOG_VARIANCE, true);
      INDArray variance = Transforms.exp(v, true);
      // -1/2 sum(1 + v - mu^2 - e^v)
      INDArray cells = v.add(1).subi(mu.mul(mu)).subi(variance).muli(-0.5 * beta);
      INDArray rowLoss = cells.sum(true, 1);
      if (!gradient) {
        return new Pair<>(rowLoss, null);
      }
      INDArray dh = h.ulike();
      dh.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent)).assign(mu.mul(beta));
      dh.get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2 * latent))
          .assign(variance.sub(1).muli(0.5 * beta));
      return new Pair<>(rowLoss, dh);
    }

    @Override
    public String name() {
      return "weighted_kl";
    }
  }
}

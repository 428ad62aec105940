package ad.models.nn;

import ad.core.Seeds;
import ad.models.network.InputNoise;
import ad.models.network.RowTrim;
import ad.models.network.TrainingStep;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One Adam step of a dense autoencoder on the native engine: forward with dropout (and input noise
 * for the denoising variant), mean squared error against the clean rows, backward, update. Dropout
 * masks and noise come from the fit seed's {@code "dropout"} and {@code "noise"} streams.
 *
 * <p>{@link RowTrim Trimming} happens inside the step: each row's squared error is taken from this
 * forward pass (with its dropout and noise), the dropped rows' output gradients are zeroed and the
 * kept ones scaled to the mean over the kept values.
 */
final class MlpTraining implements TrainingStep {
  private final Mlp net;
  private final MlpPass pass;
  private final Adam adam;
  private final double dropout;
  private final SplittableRandom dropoutRandom;
  private final InputNoise noise;
  private final SplittableRandom noiseRandom;
  private final float[] noisy;
  private final float[] gradient;
  private final RowTrim trim;
  private final double[] rowLosses;
  private final boolean[] keep;

  /** @param noise the input noise, or null for a plain autoencoder */
  MlpTraining(Mlp net, double dropout, InputNoise noise, double learningRate, double l2,
      int batchRows, RowTrim trim, long seed) {
    this.net = net;
    this.pass = new MlpPass(net, batchRows);
    this.adam = new Adam(net.parameters(pass), learningRate, l2);
    this.dropout = dropout;
    this.dropoutRandom = new SplittableRandom(Seeds.derive(seed, "dropout"));
    this.noise = noise;
    this.noiseRandom = new SplittableRandom(Seeds.derive(seed, "noise"));
    this.noisy = noise == null ? null : new float[batchRows * net.inputs()];
    this.gradient = new float[batchRows * net.outputs()];
    this.trim = trim;
    this.rowLosses = trim.active() ? new double[batchRows] : null;
    this.keep = trim.active() ? new boolean[batchRows] : null;
  }

  @Override
  public double trainBatch(float[] rows, int count) {
    int n = count * net.inputs();
    float[] input = rows;
    if (noise != null) {
      noise.apply(rows, n, noisy, noiseRandom);
      input = noisy;
    }
    float[] output = pass.forward(input, count, dropout, dropoutRandom);
    double loss;
    if (trim.active()) {
      loss = trimmedLoss(output, rows, count);
    } else {
      // The mean over all cells of the batch; per row it is the same mean (rows are equal size).
      loss = Losses.squaredErrors(output, rows, n, 2f / n, gradient) / n;
    }
    pass.backward(gradient, count);
    adam.step();
    return loss;
  }

  /** The mean squared error of the kept rows; the gradient of that mean, zero on dropped rows. */
  private double trimmedLoss(float[] output, float[] rows, int count) {
    int columns = net.outputs();
    Losses.rowSquaredErrors(output, rows, count, columns, rowLosses);
    int kept = trim.select(rowLosses, count, keep);
    int n = kept * columns;
    double sum = 0;
    for (int r = 0; r < count; r++) {
      int base = r * columns;
      if (keep[r]) {
        sum += Losses.squaredErrors(output, rows, base, columns, 2f / n, gradient);
      } else {
        Arrays.fill(gradient, base, base + columns, 0f);
      }
    }
    return sum / n;
  }
}

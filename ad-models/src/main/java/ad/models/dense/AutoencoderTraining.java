package ad.models.dense;

import ad.core.Dataset;
import ad.models.engine.Adam;
import ad.models.engine.Losses;
import ad.models.engine.Mlp;
import ad.models.engine.MlpPass;
import ad.models.train.Trainable;
import java.util.SplittableRandom;

/**
 * One autoencoder under training on the engine: forward with dropout (and input noise for the
 * denoising variant), mean squared error against the clean rows, backward, one Adam step.
 *
 * <p>The validation loss is the mean squared reconstruction error of the clean validation rows,
 * computed exactly as the trained model scores them (same batches, same arithmetic), so the kept
 * model reproduces its best validation loss.
 */
final class AutoencoderTraining implements Trainable {
  private final Mlp net;
  private final MlpPass pass;
  private final Adam adam;
  private final double dropout;
  private final SplittableRandom dropoutRandom;
  private final Corruption corruption;
  private final SplittableRandom noiseRandom;
  private final float[] noisy;
  private final float[] gradient;
  private final MlpPass validationPass;

  /**
   * @param corruption the input noise, or null for a plain autoencoder
   */
  AutoencoderTraining(Mlp net, DenseAutoencoderOptions options, int batchSize, Corruption corruption,
      long dropoutSeed, long noiseSeed) {
    this.net = net;
    this.pass = new MlpPass(net, batchSize);
    this.adam = new Adam(net.parameters(pass), options.learningRate(), options.l2());
    this.dropout = options.dropout();
    this.dropoutRandom = new SplittableRandom(dropoutSeed);
    this.corruption = corruption;
    this.noiseRandom = new SplittableRandom(noiseSeed);
    this.noisy = corruption == null ? null : new float[batchSize * net.inputs()];
    this.gradient = new float[batchSize * net.outputs()];
    this.validationPass = new MlpPass(net, ReconstructionErrors.BATCH_ROWS);
  }

  @Override
  public double trainBatch(float[] rows, int count) {
    int n = count * net.inputs();
    float[] input = rows;
    if (corruption != null) {
      corruption.apply(rows, n, noisy, noiseRandom);
      input = noisy;
    }
    float[] output = pass.forward(input, count, dropout, dropoutRandom);
    double loss = Losses.meanSquaredError(output, rows, n, gradient);
    pass.backward(gradient, count);
    adam.step();
    // Losses.meanSquaredError averages over cells; per row it is the same mean (rows are equal size).
    return loss;
  }

  @Override
  public double validationLoss(Dataset validation) {
    return ReconstructionErrors.mean(validationPass::forward, validation);
  }

  @Override
  public float[] snapshot() {
    return net.parameters();
  }

  @Override
  public void restore(float[] snapshot) {
    net.setParameters(snapshot);
  }
}

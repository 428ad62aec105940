package ad.models.nn;

import ad.core.Seeds;
import ad.models.network.TrainingStep;
import java.util.SplittableRandom;

/**
 * One Adam step of an LSTM autoencoder on the native engine: forward with dropout, mean squared
 * error per value against the windows, backward through time, update. Dropout masks come from the
 * fit seed's {@code "dropout"} stream.
 */
final class LstmTraining implements TrainingStep {
  private final LstmNetPass pass;
  private final Adam adam;
  private final double dropout;
  private final SplittableRandom dropoutRandom;
  private final int features;
  private final float[] gradient;

  LstmTraining(LstmAutoencoderNet net, double learningRate, double l2, int batchRows, long seed) {
    this.pass = new LstmNetPass(net, batchRows, true);
    this.adam = new Adam(pass.parameters(), learningRate, l2);
    this.dropout = net.architecture().dropout();
    this.dropoutRandom = new SplittableRandom(Seeds.derive(seed, "dropout"));
    this.features = net.columns();
    this.gradient = new float[batchRows * features];
  }

  @Override
  public double trainBatch(float[] rows, int count) {
    int n = count * features;
    float[] output = pass.forward(rows, count, dropout, dropoutRandom);
    // Time-major output against the time-major windows: the same values, so the same mean.
    double loss = Losses.squaredErrors(output, pass.target(), n, 2f / n, gradient) / n;
    pass.backward(gradient);
    adam.step();
    return loss;
  }
}

package ad.models.recon;

import ad.core.Dataset;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.Reconstructor;
import ad.core.TrainingHistory;

/**
 * A trained autoencoder (dense, denoising or convolutional, on any engine). A row's score is the mean
 * of its features' reconstruction errors, squared by default or absolute as its {@link Residual} says;
 * {@code explain} gives each feature's error, in float, and a row's score is the double sum of those
 * floats over the column count, so the two views agree exactly.
 */
public final class AutoencoderModel extends ReconstructionModel {
  private final AutoencoderNetwork network;
  private final Residual residual;

  public AutoencoderModel(ModelInput input, AutoencoderNetwork network, TrainingHistory history,
      Residual residual) {
    super(input, network, history);
    this.network = network;
    this.residual = residual;
  }

  /**
   * Each row's mean squared reconstruction error (the autoencoders' training loss), computed exactly
   * as a model scores the rows: what the training loop watches on validation rows.
   */
  public static double[] squaredErrors(AutoencoderNetwork network, Dataset data) {
    return new AutoencoderModel(new Columns(network.columns()), network, null, Residual.SQUARED)
        .score(data).values();
  }

  /** The trained network, for tests that recompute scores by hand. */
  public AutoencoderNetwork network() {
    return network;
  }

  @Override
  protected BatchScorer openScorer() {
    Reconstructor reconstructor = network.reconstructor();
    int columns = network.columns();
    return new BatchScorer() {
      @Override
      public void scores(float[] rows, int count, double[] out, int first) {
        float[] y = reconstructor.reconstruct(rows, count);
        for (int r = 0; r < count; r++) {
          double sum = 0;
          int base = r * columns;
          for (int c = 0; c < columns; c++) {
            sum += residual.of(rows[base + c] - y[base + c]);
          }
          out[first + r] = sum / columns;
        }
      }

      @Override
      public void errors(float[] rows, int count, float[] out, int first) {
        float[] y = reconstructor.reconstruct(rows, count);
        int base = first * columns;
        for (int i = 0; i < count * columns; i++) {
          out[base + i] = residual.of(rows[i] - y[i]);
        }
      }

      @Override
      public void reconstructions(float[] rows, int count, float[] out, int first) {
        System.arraycopy(reconstructor.reconstruct(rows, count), 0, out, first * columns,
            count * columns);
      }
    };
  }
}

package ad.models.nn;

import ad.models.network.AutoencoderNetwork;
import ad.models.network.DenseArchitecture;
import ad.models.network.Encoder;
import ad.models.network.ParameterArray;
import ad.models.network.Reconstructor;
import ad.models.network.RowTrim;
import ad.models.network.TrainingStep;
import java.util.List;

/**
 * A dense autoencoder on the native engine: one {@link Mlp}, whose batches are OpenBLAS products.
 * Parameters are saved as {@code layer<l>/weights} and {@code layer<l>/biases}.
 */
final class MlpAutoencoder implements AutoencoderNetwork {
  private final DenseArchitecture architecture;
  private final Mlp net;

  MlpAutoencoder(DenseArchitecture architecture, long initSeed) {
    this.architecture = architecture;
    this.net = Mlp.xavier(architecture.widths(), architecture.activation(),
        architecture.outputActivation(), initSeed);
  }

  Mlp mlp() {
    return net;
  }

  @Override
  public int columns() {
    return architecture.columns();
  }

  @Override
  public int scoringThreads() {
    return Workers.SCORING_THREADS;
  }

  @Override
  public TrainingStep trainer(double learningRate, double l2, int batchRows, RowTrim trim,
      long seed) {
    return new MlpTraining(net, architecture.dropout(), architecture.noise(), learningRate, l2,
        batchRows, trim, seed);
  }

  @Override
  public Reconstructor reconstructor() {
    return new MlpPass(net, Reconstructor.BATCH_ROWS)::forward;
  }

  /** The full forward pass, then the code layer's activations (the decoder's work is wasted). */
  @Override
  public Encoder encoder() {
    MlpPass pass = new MlpPass(net, Reconstructor.BATCH_ROWS);
    int layer = architecture.codeLayer();
    int width = architecture.codeWidth();
    return new Encoder() {
      @Override
      public int codeWidth() {
        return width;
      }

      @Override
      public float[] encode(float[] rows, int count) {
        pass.forward(rows, count);
        return pass.activations(layer);
      }
    };
  }

  @Override
  public List<ParameterArray> parameters() {
    return net.parameterArrays("");
  }

  @Override
  public void setParameters(List<ParameterArray> arrays) {
    if (net.setParameterArrays(arrays, 0, "") != arrays.size()) {
      throw new IllegalArgumentException(arrays.size() + " arrays for " + 2 * net.layers());
    }
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

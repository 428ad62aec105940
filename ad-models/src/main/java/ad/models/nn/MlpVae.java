package ad.models.nn;

import ad.core.Seeds;
import ad.models.network.Activation;
import ad.models.network.ParameterArray;
import ad.models.network.RowTrim;
import ad.models.network.TrainingStep;
import ad.models.network.VaeArchitecture;
import ad.models.network.VaeCodec;
import ad.models.network.VariationalNetwork;
import java.util.List;

/**
 * A variational autoencoder on the native engine: an encoder and a decoder {@link Mlp} (identity
 * outputs) and one log-variance per feature for the Gaussian likelihood (starting at 0, variance 1).
 * Weights start from the fit seed's {@code "init-encoder"} and {@code "init-decoder"} streams.
 * Parameters are saved as {@code encoder/layer<l>/...}, {@code decoder/layer<l>/...} and
 * {@code log_variance} (all zero, unused, for the Bernoulli likelihood).
 */
final class MlpVae implements VariationalNetwork {
  private final VaeArchitecture architecture;
  final Mlp encoder;
  final Mlp decoder;
  final float[] logVariance;

  MlpVae(VaeArchitecture architecture, long seed) {
    this.architecture = architecture;
    this.encoder = Mlp.xavier(architecture.encoderWidths(), architecture.activation(),
        Activation.IDENTITY, Seeds.derive(seed, "init-encoder"));
    this.decoder = Mlp.xavier(architecture.decoderWidths(), architecture.activation(),
        Activation.IDENTITY, Seeds.derive(seed, "init-decoder"));
    this.logVariance = new float[architecture.columns()];
  }

  VaeArchitecture architecture() {
    return architecture;
  }

  @Override
  public int columns() {
    return architecture.columns();
  }

  @Override
  public int latent() {
    return architecture.latent();
  }

  @Override
  public int scoringThreads() {
    return Workers.SCORING_THREADS;
  }

  @Override
  public float[] logVariance() {
    return logVariance.clone();
  }

  @Override
  public TrainingStep trainer(double learningRate, double l2, int batchRows, RowTrim trim,
      long seed) {
    return new VaeTraining(this, learningRate, l2, batchRows, trim, seed);
  }

  @Override
  public VaeCodec codec() {
    MlpPass encoderPass = new MlpPass(encoder, ad.models.network.Reconstructor.BATCH_ROWS);
    MlpPass decoderPass = new MlpPass(decoder, ad.models.network.Reconstructor.BATCH_ROWS);
    return new VaeCodec() {
      @Override
      public float[] encode(float[] rows, int count) {
        return encoderPass.forward(rows, count);
      }

      @Override
      public float[] decode(float[] z, int count) {
        return decoderPass.forward(z, count);
      }
    };
  }

  @Override
  public List<ParameterArray> parameters() {
    List<ParameterArray> arrays = new java.util.ArrayList<>(encoder.parameterArrays("encoder/"));
    arrays.addAll(decoder.parameterArrays("decoder/"));
    arrays.add(new ParameterArray("log_variance", logVariance.clone()));
    return arrays;
  }

  @Override
  public void setParameters(List<ParameterArray> arrays) {
    int at = encoder.setParameterArrays(arrays, 0, "encoder/");
    at = decoder.setParameterArrays(arrays, at, "decoder/");
    Mlp.copy(arrays.get(at++), "log_variance", logVariance);
    if (at != arrays.size()) {
      throw new IllegalArgumentException(arrays.size() + " arrays for " + at);
    }
  }
}

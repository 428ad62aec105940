package ad.models.nn;

import ad.models.network.Activation;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.LstmArchitecture;
import ad.models.network.ParameterArray;
import ad.models.network.Reconstructor;
import ad.models.network.RowTrim;
import ad.models.network.TrainingStep;
import ad.models.network.TrimmedStep;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An LSTM autoencoder on the native engine, the network {@link LstmArchitecture} describes: encoder
 * {@link Lstm} layers (the last one's final output is the code), the code repeated over the steps
 * into decoder layers of the mirrored widths, and a dense layer per step ({@link Mlp}, one product
 * over all steps) back to the channels. The same function as the dl4j engine's network of the same
 * architecture, from arrays of the same layout (DL4J's gate order and initialisation, see
 * {@link Lstm}; the output layer Glorot-uniform too, the configuration's initialisation there).
 *
 * <p>Weights are drawn from the fit seed's {@code "init"} stream, layer after layer. Parameters are
 * saved as {@code encoder/layer<l>/weights}, {@code .../recurrent_weights}, {@code .../biases},
 * the same for {@code decoder/layer<l>} (layer 0 reads the code), and {@code output/layer0/weights}
 * and {@code output/layer0/biases}.
 */
final class LstmAutoencoderNet implements AutoencoderNetwork {
  /** Windows per inference pass: a {@link Reconstructor} batch runs in slices of this many. */
  static final int SCORING_SLICE = 64;

  private final LstmArchitecture architecture;
  final List<Lstm> encoder;
  final List<Lstm> decoder;
  final Mlp output;

  LstmAutoencoderNet(LstmArchitecture architecture, long initSeed) {
    this.architecture = architecture;
    SplittableRandom random = new SplittableRandom(initSeed);
    List<Integer> hidden = architecture.hidden();
    List<Lstm> encoderLayers = new ArrayList<>();
    int inputs = architecture.channels();
    for (int units : hidden) {
      encoderLayers.add(new Lstm(inputs, units, architecture.activation(), random));
      inputs = units;
    }
    List<Lstm> decoderLayers = new ArrayList<>();
    for (int l = hidden.size() - 1; l >= 0; l--) {
      decoderLayers.add(new Lstm(inputs, hidden.get(l), architecture.activation(), random));
      inputs = hidden.get(l);
    }
    this.encoder = List.copyOf(encoderLayers);
    this.decoder = List.copyOf(decoderLayers);
    this.output = Mlp.xavier(List.of(inputs, architecture.channels()), Activation.IDENTITY,
        architecture.outputActivation(), random.nextLong());
    Lstm.glorotUniform(output.weights[0], inputs, architecture.channels(), random);
  }

  LstmArchitecture architecture() {
    return architecture;
  }

  @Override
  public int columns() {
    return architecture.features();
  }

  @Override
  public int scoringThreads() {
    return Workers.SCORING_THREADS;
  }

  @Override
  public TrainingStep trainer(double learningRate, double l2, int batchRows, RowTrim trim,
      long seed) {
    return TrimmedStep.of(trim, this::reconstructor, columns(), batchRows,
        new LstmTraining(this, learningRate, l2, batchRows, seed));
  }

  /** Reconstructs a batch in slices of {@link #SCORING_SLICE} windows, without dropout. */
  @Override
  public Reconstructor reconstructor() {
    LstmNetPass pass = new LstmNetPass(this, SCORING_SLICE, false);
    int features = columns();
    float[] slice = new float[SCORING_SLICE * features];
    float[] out = new float[Reconstructor.BATCH_ROWS * features];
    return (rows, count) -> {
      for (int first = 0; first < count; first += SCORING_SLICE) {
        int n = Math.min(SCORING_SLICE, count - first);
        System.arraycopy(rows, first * features, slice, 0, n * features);
        pass.forward(slice, n, 0, null);
        pass.outputRows(out, first * features);
      }
      return out;
    };
  }

  @Override
  public List<ParameterArray> parameters() {
    List<ParameterArray> arrays = new ArrayList<>();
    for (int l = 0; l < encoder.size(); l++) {
      arrays.addAll(encoder.get(l).parameterArrays("encoder/layer" + l + "/"));
    }
    for (int l = 0; l < decoder.size(); l++) {
      arrays.addAll(decoder.get(l).parameterArrays("decoder/layer" + l + "/"));
    }
    arrays.addAll(output.parameterArrays("output/"));
    return arrays;
  }

  @Override
  public void setParameters(List<ParameterArray> arrays) {
    int expected = 3 * (encoder.size() + decoder.size()) + 2;
    if (arrays.size() != expected) {
      throw new IllegalArgumentException(arrays.size() + " arrays for " + expected);
    }
    int at = 0;
    for (int l = 0; l < encoder.size(); l++) {
      at = encoder.get(l).setParameterArrays(arrays, at, "encoder/layer" + l + "/");
    }
    for (int l = 0; l < decoder.size(); l++) {
      at = decoder.get(l).setParameterArrays(arrays, at, "decoder/layer" + l + "/");
    }
    output.setParameterArrays(arrays, at, "output/");
  }
}

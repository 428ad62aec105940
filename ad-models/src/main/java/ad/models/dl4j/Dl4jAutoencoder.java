package ad.models.dl4j;

import ad.core.Seeds;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.Encoder;
import ad.models.network.InputNoise;
import ad.models.network.ParameterArray;
import ad.models.network.Reconstructor;
import ad.models.network.RowTrim;
import ad.models.network.TrainingStep;
import ad.models.network.TrimmedStep;
import ad.models.nn.Workers;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense, convolutional or LSTM autoencoder on DL4J, as the shared loop and model base see it.
 *
 * <p>Randomness from the fit seed: the initial weights (stream {@code "init"}, the network's
 * configuration seed), dropout ({@code "dropout"}: DL4J draws its masks from the calling thread's ND4J
 * generator, which {@link #trainer} seeds; ND4J keeps one generator per thread, and the loop runs a
 * fit's steps on the thread that started it) and the denoising autoencoder's input noise
 * ({@code "noise"}, drawn in Java as the native engine draws it).
 *
 * <p>{@link RowTrim Trimming}: a {@link TrimmedStep}, whose forward pass runs on the network being
 * trained (not a scoring copy), then DL4J fits the kept rows.
 */
final class Dl4jAutoencoder implements AutoencoderNetwork {
  private final Dl4jNetwork net;
  private final InputNoise noise;
  private final Code code;

  /**
   * Where a dense network's code is.
   *
   * @param layer DL4J's index of the code layer
   * @param width its units
   */
  record Code(int layer, int width) {}

  /**
   * @param noise the denoising autoencoder's input noise, or null
   * @param code the code layer of a dense network, or null for a network without a dense code
   */
  Dl4jAutoencoder(Dl4jNetwork.Recipe recipe, InputNoise noise, Code code, long seed) {
    this.net = Dl4jNetwork.create(recipe, Seeds.derive(seed, "init"));
    this.noise = noise;
    this.code = code;
  }

  @Override
  public int columns() {
    return net.layout().features();
  }

  @Override
  public TrainingStep trainer(double learningRate, double l2, int batchRows, RowTrim trim,
      long seed) {
    net.prepareTraining(learningRate, l2);
    Nd4j.getRandom().setSeed(Seeds.derive(seed, "dropout"));
    if (noise == null) {
      return trimmed(trim, batchRows, (rows, count) -> net.fit(rows, rows, count));
    }
    SplittableRandom noiseRandom = new SplittableRandom(Seeds.derive(seed, "noise"));
    float[] noisy = new float[batchRows * columns()];
    return trimmed(trim, batchRows, (rows, count) -> {
      noise.apply(rows, count * columns(), noisy, noiseRandom);
      return net.fit(noisy, rows, count);
    });
  }

  /** {@code step} trimmed as {@code trim} says, by the losses of the network being trained. */
  private TrainingStep trimmed(RowTrim trim, int batchRows, TrainingStep step) {
    return TrimmedStep.of(trim, () -> net::reconstruct, columns(), batchRows, step);
  }

  /** A copy of the network: one per scoring thread. */
  @Override
  public Reconstructor reconstructor() {
    return net.copy()::reconstruct;
  }

  /** A copy of the network, as for {@link #reconstructor()}; only a dense network has a code. */
  @Override
  public Encoder encoder() {
    if (code == null) {
      return AutoencoderNetwork.super.encoder();
    }
    Dl4jNetwork copy = net.copy();
    return new Encoder() {
      @Override
      public int codeWidth() {
        return code.width();
      }

      @Override
      public float[] encode(float[] rows, int count) {
        return copy.activations(rows, count, code.layer());
      }
    };
  }

  @Override
  public List<ParameterArray> parameters() {
    return net.parameters();
  }

  @Override
  public void setParameters(List<ParameterArray> arrays) {
    net.setParameters(arrays);
  }

  @Override
  public float[] snapshot() {
    return net.snapshot();
  }

  @Override
  public void restore(float[] snapshot) {
    net.restore(snapshot);
  }

  /**
   * As the native engine: each scoring thread runs its own copy of the network, with ND4J's own
   * threads as the process sets them (one per engine thread under {@code ./ad}).
   */
  @Override
  public int scoringThreads() {
    return Workers.SCORING_THREADS;
  }
}

package ad.models.dense;

import ad.core.Dataset;
import ad.core.Shuffle;
import ad.core.Seeds;
import ad.core.TrainingHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The DL4J engine of the dense autoencoder: the only class that builds, trains or runs a DL4J network.
 *
 * <p>It drives the epochs itself, one {@code fit(x, x)} per mini-batch built from the dataset's float
 * rows, rather than through a {@code DataSetIterator}: the iterators merge or copy batches in ways that
 * are easy to get wrong (STACK.md), and owning the loop keeps shuffling, validation, early stopping
 * and best-weight bookkeeping in plain Java.
 *
 * <p>Randomness, each from its own stream of the fit seed: weight initialisation ({@code "init"}, the
 * configuration seed), dropout masks ({@code "dropout"}: DL4J draws them from ND4J's thread-local RNG,
 * which is reseeded after {@code init()} because {@code init()} and the configuration builder reseed
 * it) and the per-epoch shuffle ({@code "shuffle"}, a {@link Random}). The validation split is drawn
 * by the caller. With these, the same seed gives bit-identical weights in the same JVM.
 */
final class Dl4jDenseTrainer {

  private Dl4jDenseTrainer() {}

  /**
   * Trains on {@code train}, watching the loss on {@code validation} when it is not null. Keeps the
   * weights of the epoch with the lowest validation loss, or the final weights without validation.
   */
  static TrainedAutoencoder train(Dataset train, Dataset validation, DenseAutoencoderOptions options,
      long seed) {
    Nd4jSetup.ensure();
    int columns = train.columns();
    MultiLayerConfiguration conf = configuration(columns, options, Seeds.derive(seed, "init"));
    MultiLayerNetwork net = new MultiLayerNetwork(conf.clone());
    net.init();
    Nd4j.getRandom().setSeed(Seeds.derive(seed, "dropout"));
    Reconstructor live = new NetworkReconstructor(net, columns);

    Random shuffler = new Random(Seeds.derive(seed, "shuffle"));
    int rows = train.rows();
    int[] order = new int[rows];
    Arrays.setAll(order, i -> i);
    int batchSize = Math.min(options.batchSize(), rows);
    float[] fullBatch = new float[batchSize * columns];
    boolean l2 = options.l2() > 0;

    List<Double> trainLoss = new ArrayList<>();
    List<Double> validationLoss = new ArrayList<>();
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = -1;
    float[] bestParams = null;
    boolean stoppedEarly = false;
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      if (options.shuffle()) {
        Shuffle.inPlace(order, shuffler);
      }
      double lossSum = 0;
      for (int first = 0; first < rows; first += batchSize) {
        int count = Math.min(batchSize, rows - first);
        float[] values = count == batchSize ? fullBatch : new float[count * columns];
        for (int i = 0; i < count; i++) {
          train.copyRow(order[first + i], values, i * columns);
        }
        INDArray x = Nd4j.create(values, new long[] {count, columns}, 'c');
        // net.score() includes the L2 penalty; take it out so that the train loss is the same MSE
        // as the validation loss. The penalty is read before the update, at the weights scored.
        double penalty = l2 ? net.calcRegularizationScore(true) : 0;
        net.fit(x, x);
        lossSum += (net.score() - penalty) * count;
      }
      trainLoss.add(lossSum / rows);

      if (validation == null) {
        continue;
      }
      double loss = ReconstructionErrors.mean(live, validation);
      validationLoss.add(loss);
      if (loss < bestLoss) {
        bestLoss = loss;
        bestEpoch = epoch;
        bestParams = params(net);
      } else if (options.stopsEarly() && epoch - bestEpoch >= options.patience()) {
        stoppedEarly = epoch + 1 < options.epochs();
        break;
      }
    }
    if (bestParams == null) {
      // No validation, or every validation loss was NaN: keep the final weights.
      bestParams = params(net);
      bestEpoch = trainLoss.size() - 1;
    }
    TrainingHistory history = new TrainingHistory(trainLoss, validationLoss, bestEpoch, stoppedEarly);
    return new TrainedAutoencoder(new Snapshot(conf, bestParams, columns), history);
  }

  /** The DL4J activation for one of {@link DenseAutoencoderOptions#ACTIVATIONS}. */
  static Activation activation(String name) {
    return Activation.valueOf(name.toUpperCase(Locale.ROOT));
  }

  static MultiLayerConfiguration configuration(int columns, DenseAutoencoderOptions options,
      long initSeed) {
    NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
        .seed(initSeed)
        .dataType(DataType.FLOAT)
        .updater(new Adam(options.learningRate()))
        // Glorot/Xavier, the usual default elsewhere (Keras' glorot_uniform), for any activation.
        .weightInit(WeightInit.XAVIER);
    if (options.l2() > 0) {
      base.l2(options.l2());
    }
    NeuralNetConfiguration.ListBuilder layers = base.list();
    List<Integer> widths = options.hiddenLayers();
    Activation hidden = activation(options.activation());
    // DL4J applies a layer's dropOut to that layer's INPUT, and takes the probability to RETAIN a unit.
    // Dropping hidden units therefore means dropOut(1 - p) on every layer after the first; the first
    // layer's input is the data itself, which stays whole.
    double retain = 1.0 - options.dropout();
    int in = columns;
    for (int i = 0; i < widths.size(); i++) {
      DenseLayer.Builder layer = new DenseLayer.Builder().nIn(in).nOut(widths.get(i))
          .activation(hidden);
      if (i > 0 && options.dropout() > 0) {
        layer.dropOut(retain);
      }
      layers.layer(layer.build());
      in = widths.get(i);
    }
    OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
        .nIn(in).nOut(columns).activation(activation(options.outputActivation()));
    if (options.dropout() > 0) {
      output.dropOut(retain);
    }
    layers.layer(output.build());
    return layers.build();
  }

  private static float[] params(MultiLayerNetwork net) {
    return net.params().toFloatVector();
  }

  private static float[] toFloats(INDArray array) {
    // reshape(long...) flattens in C order (a view when the array already is C-contiguous). Beware
    // reshape('c', n): Java widens the char to the long 99 and picks reshape(long...).
    return array.reshape(array.length()).toFloatVector();
  }

  /**
   * Immutable trained weights: a configuration that is only ever cloned, never given to a network,
   * and a Java copy of the parameters. Each {@link #open()} builds a private network from them, so
   * scoring from several threads runs in parallel with no shared mutable state. Building one costs
   * little: a whole score call on 10 rows took 1-3 ms for the nets here.
   */
  private static final class Snapshot implements ReconstructorSource {
    private final MultiLayerConfiguration conf;
    private final float[] params;
    private final int columns;

    Snapshot(MultiLayerConfiguration conf, float[] params, int columns) {
      this.conf = conf;
      this.params = params;
      this.columns = columns;
    }

    @Override
    public int columns() {
      return columns;
    }

    @Override
    public Reconstructor open() {
      Nd4jSetup.ensure();
      MultiLayerNetwork net = new MultiLayerNetwork(conf.clone());
      // Nd4j.create copies the Java array into native memory: the network owns that copy.
      net.init(Nd4j.create(params, new long[] {1, params.length}, 'c'), false);
      return new NetworkReconstructor(net, columns);
    }
  }

  /** Inference through one network; confined to one thread. */
  private static final class NetworkReconstructor implements Reconstructor {
    private final MultiLayerNetwork net;
    private final int columns;

    NetworkReconstructor(MultiLayerNetwork net, int columns) {
      this.net = net;
      this.columns = columns;
    }

    @Override
    public float[] reconstruct(float[] rows, int count) {
      INDArray x = Nd4j.create(rows, new long[] {count, columns}, 'c');
      return toFloats(net.output(x, false));
    }
  }
}

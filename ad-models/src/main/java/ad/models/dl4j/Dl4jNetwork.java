package ad.models.dl4j;

import ad.models.network.ParameterArray;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@link MultiLayerNetwork} that reconstructs its input, seen through rows: a training step on
 * a batch of rows, a reconstruction of a batch of rows, and its parameters as arrays.
 *
 * <p>Loss scale: DL4J's MSE averages the squared errors over the last axis of the output (the
 * features of a table, the channels of an image pixel or a sequence step) and sums over the others,
 * so for images its loss is {@code height * width} times the mean squared error per value, and for
 * sequences {@code steps} times. {@code lossScale} is that factor: the reported loss is divided by
 * it, and the configurations multiply the L2 coefficient by it, so that the objective DL4J minimises
 * is the project's (mean squared error per value plus {@code l2 / 2 * sum(w^2)}) times a constant,
 * which Adam's steps do not see.
 *
 * <p>Not thread-safe; {@link #copy()} gives an independent network with the same parameters.
 */
final class Dl4jNetwork {
  /** Builds the network's configuration for an optimiser; a null seed draws no initial weights. */
  interface Recipe {
    NetworkConfigs.Built build(double learningRate, double l2, Long seed);
  }

  /** The learning rate of a network that is only scored (it must have one). */
  private static final double NO_TRAINING = 1e-3;

  private final Recipe recipe;
  private final RowLayout layout;
  private final double lossScale;
  private MultiLayerNetwork net;

  private Dl4jNetwork(Recipe recipe, RowLayout layout, double lossScale, MultiLayerNetwork net) {
    this.recipe = recipe;
    this.layout = layout;
    this.lossScale = lossScale;
    this.net = net;
  }

  /**
   * A network with initial weights drawn from {@code initSeed}. DL4J draws them from the calling
   * thread's ND4J generator, which it seeds with {@code initSeed} first.
   */
  static Dl4jNetwork create(Recipe recipe, long initSeed) {
    NetworkConfigs.Built built = recipe.build(NO_TRAINING, 0, initSeed);
    MultiLayerNetwork net = new MultiLayerNetwork(built.configuration());
    net.init();
    return new Dl4jNetwork(recipe, built.layout(), built.lossScale(), net);
  }

  /**
   * Rebuilds the network with this optimiser (Adam with {@code learningRate}, {@code l2}) and the
   * current parameters, its optimiser state fresh: what training starts from.
   */
  void prepareTraining(double learningRate, double l2) {
    MultiLayerNetwork fresh = new MultiLayerNetwork(recipe.build(learningRate, l2, null)
        .configuration());
    fresh.init(net.params().dup(), false);
    net = fresh;
  }

  RowLayout layout() {
    return layout;
  }

  /** The reconstructions of the first {@code count} rows of {@code rows}, row-major. */
  float[] reconstruct(float[] rows, int count) {
    return layout.rows(net.output(layout.input(rows, count), false));
  }

  /**
   * The activations of layer {@code layer} (DL4J's index) for the first {@code count} rows of
   * {@code rows}, in inference mode, row-major: a table layer's output, {@code count x width}.
   */
  float[] activations(float[] rows, int count, int layer) {
    INDArray out = net.feedForwardToLayer(layer, layout.input(rows, count), false).get(layer + 1);
    return out.dup('c').data().asFloat();
  }

  /**
   * One step that teaches the network to map {@code input} to {@code target} (both {@code count}
   * rows); returns the batch's mean squared error per value as measured during the step (with
   * dropout, before the update), without the L2 penalty.
   */
  double fit(float[] input, float[] target, int count) {
    INDArray x = layout.input(input, count);
    INDArray y = input == target ? x : layout.input(target, count);
    double penalty = net.calcRegularizationScore(true);
    net.fit(x, y);
    return (net.score() - penalty) / lossScale;
  }

  /** Every parameter array, keyed {@code layer<i>/weights} and so on (see {@link Dl4jParameters}). */
  List<ParameterArray> parameters() {
    return Dl4jParameters.of(net.paramTable(), "layer");
  }

  void setParameters(List<ParameterArray> arrays) {
    Dl4jParameters.set(net.paramTable(), "layer", arrays);
  }

  /** All parameters in DL4J's flattened order: the training loop's snapshot. */
  float[] snapshot() {
    return Dl4jParameters.values(net.params());
  }

  void restore(float[] snapshot) {
    Dl4jParameters.restore(net.params(), snapshot);
  }

  /** An independent network with the same configuration and parameters. */
  Dl4jNetwork copy() {
    return new Dl4jNetwork(recipe, layout, lossScale, net.clone());
  }
}

package ad.models.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J {@link MultiLayerNetwork} that reconstructs its input, seen through rows: a training step on
 * a batch of rows, a reconstruction of a batch of rows, and its parameters as one float array.
 *
 * <p>Loss scale: DL4J's MSE averages the squared errors over the last axis of the output (the
 * features of a table, the channels of an image pixel or a sequence step) and sums over the rest, so
 * for images its loss is {@code height * width} times the mean squared error per feature, and for
 * sequences {@code steps} times. {@code lossScale} is that factor: the reported loss is divided by it,
 * and the builders multiply the L2 coefficient by it, so that the objective is the project's (mean
 * squared error per feature plus {@code l2 / 2 * sum(w^2)}) times a constant, which Adam's updates do
 * not see.
 *
 * <p>Not thread-safe; {@link #copy()} gives an independent network with the same parameters.
 */
final class Dl4jNetwork {
  private final MultiLayerNetwork net;
  private final RowLayout layout;
  private final double lossScale;

  private Dl4jNetwork(MultiLayerNetwork net, RowLayout layout, double lossScale) {
    this.net = net;
    this.layout = layout;
    this.lossScale = lossScale;
  }

  /**
   * A new network with initial parameters drawn from the configuration's seed. The seed is applied to
   * the calling thread's ND4J generator (ND4J keeps one per thread), which the network's dropout
   * then draws from on this thread.
   */
  static Dl4jNetwork create(MultiLayerConfiguration conf, RowLayout layout, double lossScale) {
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return new Dl4jNetwork(net, layout, lossScale);
  }

  RowLayout layout() {
    return layout;
  }

  /** The reconstructions of the first {@code count} rows of {@code rows}, row-major. */
  float[] reconstruct(float[] rows, int count) {
    return layout.rows(net.output(layout.input(rows, count), false));
  }

  /**
   * One Adam step that teaches the network to map {@code input} to {@code target} (both
   * {@code count} rows); returns the batch's mean squared error per feature as measured during the
   * step (with dropout), without the L2 penalty.
   */
  double fit(float[] input, float[] target, int count) {
    INDArray x = layout.input(input, count);
    INDArray y = input == target ? x : layout.input(target, count);
    double penalty = net.calcRegularizationScore(true);
    net.fit(x, y);
    return (net.score() - penalty) / lossScale;
  }

  int parameterCount() {
    return (int) net.numParams();
  }

  /** Every parameter, in DL4J's flattened order. */
  float[] parameters() {
    return net.params().dup('c').data().asFloat();
  }

  /** Sets every parameter from {@link #parameters()}' layout. */
  void setParameters(float[] values) {
    if (values.length != parameterCount()) {
      throw new IllegalArgumentException(values.length + " values for " + parameterCount()
          + " parameters");
    }
    net.setParams(Nd4j.create(values, new long[] {1, values.length}, 'c'));
  }

  /** An independent network with the same configuration and parameters. */
  Dl4jNetwork copy() {
    return new Dl4jNetwork(net.clone(), layout, lossScale);
  }
}

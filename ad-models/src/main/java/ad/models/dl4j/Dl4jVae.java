package ad.models.dl4j;

import ad.models.train.TrainingOptions;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A variational autoencoder as a DL4J {@link ComputationGraph}, the same network as the native
 * engine's: an encoder of dense layers {@code columns -> hidden... -> 2 * latent} giving
 * {@code [mu, v]}, the reparameterisation {@code z = mu + exp(v / 2) * eps} (a
 * {@link ReparameterisationVertex}; {@code eps} is a graph input, drawn by the caller), a decoder
 * {@code latent -> reversed hidden... -> columns}, and for the Gaussian likelihood one learned
 * log-variance per feature (a bias-free dense layer on a third input, a constant column of ones,
 * starting at 0).
 * Two outputs carry the loss: the reconstruction's negative log-likelihood and {@code beta * KL}
 * (see {@link VaeLosses}); DL4J sums them, so a step minimises the negative ELBO with one draw.
 *
 * <p>Xavier-normal weights, L2 on the encoder's and decoder's weights only (not the biases, not the
 * log-variances), dropout after every hidden layer, Adam: all as the native engine. Not
 * thread-safe; {@link #copy()} gives an independent graph.
 */
final class Dl4jVae {
  private static final String X = "x";
  private static final String EPS = "eps";
  private static final String ONE = "one";
  private static final String LOG_VARIANCE = "log-variance";

  private final ComputationGraph graph;
  private final int columns;
  private final int latent;
  private final boolean gaussian;

  private Dl4jVae(ComputationGraph graph, int columns, int latent, boolean gaussian) {
    this.graph = graph;
    this.columns = columns;
    this.latent = latent;
    this.gaussian = gaussian;
  }

  /** A new graph with initial weights drawn from {@code seed} (on this thread's ND4J generator). */
  static Dl4jVae create(int columns, List<Integer> hidden, int latent, String activation,
      boolean gaussian, double beta, TrainingOptions training, long seed) {
    return create(columns, hidden, latent, activation, gaussian, beta, training, seed,
        DataType.FLOAT, new Adam(training.learningRate()));
  }

  /** {@link #create} in another precision and with another updater, for gradient checks. */
  static Dl4jVae create(int columns, List<Integer> hidden, int latent, String activation,
      boolean gaussian, double beta, TrainingOptions training, long seed, DataType dataType,
      IUpdater updater) {
    GraphBuilder g = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(dataType)
        .updater(updater)
        .weightInit(WeightInit.XAVIER)
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
        .graphBuilder();
    // No input types: every layer's width is given, and DL4J's output-type inference would warn
    // about the loss layers' (unset, meaningless) width.
    if (gaussian) {
      g.addInputs(X, EPS, ONE);
    } else {
      g.addInputs(X, EPS);
    }
    String last = stack(g, "encoder", X, columns, hidden, activation, training);
    g.addLayer("posterior", dense(lastWidth(hidden), 2 * latent, "identity", training), last);
    g.addVertex("z", new ReparameterisationVertex(latent), "posterior", EPS);
    List<Integer> reversed = new java.util.ArrayList<>(hidden);
    java.util.Collections.reverse(reversed);
    last = stack(g, "decoder", "z", latent, reversed, activation, training);
    g.addLayer("decoded", dense(lastWidth(reversed), columns, "identity", training), last);
    if (gaussian) {
      g.addLayer(LOG_VARIANCE, new DenseLayer.Builder().nIn(1).nOut(columns).hasBias(false)
          .weightInit(WeightInit.ZERO).activation(new ActivationIdentity()).build(), ONE);
      g.addVertex("likelihood", new MergeVertex(), "decoded", LOG_VARIANCE);
      g.addLayer("reconstruction", loss(new VaeLosses.GaussianNll(), 2 * columns), "likelihood");
    } else {
      g.addLayer("reconstruction", loss(new VaeLosses.BernoulliNll(), columns), "decoded");
    }
    g.addLayer("kl", loss(new VaeLosses.WeightedKl(beta), 2 * latent), "posterior");
    g.setOutputs("reconstruction", "kl");
    ComputationGraph graph = new ComputationGraph(g.build());
    graph.init();
    return new Dl4jVae(graph, columns, latent, gaussian);
  }

  /** Dense layers of {@code widths} from {@code input}, each followed by dropout; the last name. */
  private static String stack(GraphBuilder g, String prefix, String input, int inputWidth,
      List<Integer> widths, String activation, TrainingOptions training) {
    String last = input;
    int in = inputWidth;
    for (int i = 0; i < widths.size(); i++) {
      String name = prefix + i;
      g.addLayer(name, dense(in, widths.get(i), activation, training), last);
      last = name;
      if (training.dropout() > 0) {
        g.addLayer(name + "-dropout", new DropoutLayer.Builder(1 - training.dropout()).build(), last);
        last = name + "-dropout";
      }
      in = widths.get(i);
    }
    return last;
  }

  private static DenseLayer dense(int in, int out, String activation, TrainingOptions training) {
    DenseLayer.Builder layer = new DenseLayer.Builder().nIn(in).nOut(out)
        .activation(Dl4jActivations.of(activation));
    if (training.l2() > 0) {
      layer.l2(training.l2());
    }
    return layer.build();
  }

  /** An output that scores its input, {@code width} wide, with {@code loss}. */
  private static LossLayer loss(ILossFunction loss, int width) {
    return new LossLayer.Builder(loss).activation(new ActivationIdentity())
        .build();
  }

  private static int lastWidth(List<Integer> widths) {
    return widths.get(widths.size() - 1);
  }

  /** The graph, for gradient checks. */
  ComputationGraph graph() {
    return graph;
  }

  int columns() {
    return columns;
  }

  int latent() {
    return latent;
  }

  /**
   * One Adam step on the negative ELBO of {@code count} rows with the draws {@code eps}
   * ({@code count x latent}); returns the batch's mean loss per row as measured during the step,
   * without the L2 penalty.
   */
  double fit(float[] rows, float[] eps, int count) {
    INDArray x = matrix(rows, count, columns);
    double penalty = graph.calcRegularizationScore(true);
    graph.fit(inputs(x, eps, count), new INDArray[] {x, Nd4j.zeros(DataType.FLOAT, count,
        2 * latent)});
    return graph.score() - penalty;
  }

  /** The encoder's output {@code [mu, v]} and the decoder's output for the draws {@code eps}. */
  record Pass(float[] posterior, float[] decoded) {}

  /**
   * The forward pass of {@code count} rows with the draws {@code eps}: zeros decode the posterior
   * mean {@code z = mu}.
   */
  Pass forward(float[] rows, float[] eps, int count) {
    INDArray[] out = graph.output(false, inputs(matrix(rows, count, columns), eps, count));
    INDArray decoded = gaussian
        ? out[0].get(NDArrayIndex.all(), NDArrayIndex.interval(0, columns)) : out[0];
    return new Pass(values(out[1]), values(decoded));
  }

  /** The learned log-variance of each feature; zeros for the Bernoulli likelihood. */
  float[] logVariance() {
    return gaussian ? values(graph.getLayer(LOG_VARIANCE).getParam("W")) : new float[columns];
  }

  float[] parameters() {
    return values(graph.params());
  }

  void setParameters(float[] values) {
    if (values.length != graph.numParams()) {
      throw new IllegalArgumentException(values.length + " values for " + graph.numParams()
          + " parameters");
    }
    graph.setParams(Nd4j.create(values, new long[] {1, values.length}, 'c'));
  }

  Dl4jVae copy() {
    return new Dl4jVae(graph.clone(), columns, latent, gaussian);
  }

  private static INDArray matrix(float[] values, int rows, int columns) {
    int n = rows * columns;
    return Nd4j.create(values.length == n ? values : Arrays.copyOf(values, n),
        new long[] {rows, columns}, 'c');
  }

  /** The graph's inputs: the rows, the draws and, for the Gaussian log-variances, ones. */
  private INDArray[] inputs(INDArray x, float[] eps, int count) {
    INDArray noise = matrix(eps, count, latent);
    return gaussian ? new INDArray[] {x, noise, Nd4j.ones(DataType.FLOAT, count, 1)}
        : new INDArray[] {x, noise};
  }

  private static float[] values(INDArray array) {
    return array.dup('c').data().asFloat();
  }
}

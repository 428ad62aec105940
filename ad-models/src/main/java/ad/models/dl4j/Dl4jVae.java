package ad.models.dl4j;

import ad.models.network.Activation;
import ad.models.network.Likelihood;
import ad.models.network.ParameterArray;
import ad.models.network.VaeArchitecture;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A variational autoencoder as a DL4J {@link ComputationGraph}, the native engine's network: an
 * encoder of dense layers {@code columns -> hidden... -> 2 * latent} giving {@code [mu, v]}, the
 * reparameterisation {@code z = mu + exp(v / 2) * eps} (a {@link ReparameterisationVertex}; the
 * draws {@code eps} are a graph input, drawn by the caller from a seeded stream), a decoder
 * {@code latent -> reversed hidden... -> columns}, and for the Gaussian likelihood one learned
 * log-variance per feature (a bias-free dense layer on a third input, a constant column of ones,
 * starting at 0). Two outputs carry the loss: the reconstruction's negative log-likelihood and
 * {@code beta * KL} (see {@link VaeLosses}); DL4J sums them, so a step minimises the negative ELBO
 * with one draw per row.
 *
 * <p>Xavier-normal weights, L2 on the encoder's and decoder's weights only (not the biases, not the
 * log-variances), dropout after every hidden layer, Adam: all as the native engine. For inference,
 * {@link #encoder()} and {@link #decoder()} copy the trained layers into plain dense networks, so that
 * a latent point can be decoded directly. Not thread-safe.
 */
final class Dl4jVae {
  private static final String X = "x";
  private static final String EPS = "eps";
  private static final String ONE = "one";
  private static final String LOG_VARIANCE = "log_variance";
  private static final double NO_TRAINING = 1e-3;

  private final VaeArchitecture architecture;
  private final boolean gaussian;
  private final MultiLayerConfiguration encoder;
  private final MultiLayerConfiguration decoder;
  private ComputationGraph graph;

  private Dl4jVae(VaeArchitecture architecture, ComputationGraph graph) {
    this.architecture = architecture;
    this.gaussian = architecture.likelihood() == Likelihood.GAUSSIAN;
    this.graph = graph;
    // Built now, not per scoring pass: building any DL4J configuration reseeds the calling thread's
    // ND4J generator, which training's dropout draws from (and validation scores mid-training).
    this.encoder = inference(architecture.encoderWidths(), architecture.activation());
    this.decoder = inference(architecture.decoderWidths(), architecture.activation());
  }

  /** A new graph with initial weights drawn from {@code initSeed} (this thread's ND4J generator). */
  static Dl4jVae create(VaeArchitecture architecture, long initSeed) {
    return create(architecture, initSeed, DataType.FLOAT, new Adam(NO_TRAINING), 0);
  }

  /** {@link #create} in another precision and with another updater, for gradient checks. */
  static Dl4jVae create(VaeArchitecture architecture, long initSeed, DataType dataType,
      IUpdater updater, double l2) {
    ComputationGraph graph = new ComputationGraph(configuration(architecture, dataType, updater, l2,
        initSeed));
    graph.init();
    return new Dl4jVae(architecture, graph);
  }

  /** Rebuilds the graph with this optimiser and the current parameters; fresh optimiser state. */
  void prepareTraining(double learningRate, double l2) {
    ComputationGraph fresh = new ComputationGraph(configuration(architecture, DataType.FLOAT,
        new Adam(learningRate), l2, null));
    fresh.init(graph.params().dup(), false);
    graph = fresh;
  }

  private static ComputationGraphConfiguration configuration(VaeArchitecture a, DataType dataType,
      IUpdater updater, double l2, Long seed) {
    GraphBuilder g = NetworkConfigs.base(updater, 0, seed).dataType(dataType)
        .weightInit(WeightInit.XAVIER).graphBuilder();
    boolean gaussian = a.likelihood() == Likelihood.GAUSSIAN;
    // No input types: every layer's width is given, and DL4J's output-type inference would warn
    // about the loss layers' (unset, meaningless) width.
    if (gaussian) {
      g.addInputs(X, EPS, ONE);
    } else {
      g.addInputs(X, EPS);
    }
    List<Integer> encoder = a.encoderWidths();
    List<Integer> decoder = a.decoderWidths();
    String last = stack(g, "encoder", X, encoder, a, l2);
    g.addLayer("posterior", dense(encoder, encoder.size() - 2, Activation.IDENTITY, l2), last);
    g.addVertex("z", new ReparameterisationVertex(a.latent()), "posterior", EPS);
    last = stack(g, "decoder", "z", decoder, a, l2);
    g.addLayer("decoded", dense(decoder, decoder.size() - 2, Activation.IDENTITY, l2), last);
    if (gaussian) {
      g.addLayer(LOG_VARIANCE, new DenseLayer.Builder().nIn(1).nOut(a.columns()).hasBias(false)
          .weightInit(WeightInit.ZERO).activation(new ActivationIdentity()).build(), ONE);
      g.addVertex("likelihood", new MergeVertex(), "decoded", LOG_VARIANCE);
      g.addLayer("reconstruction", loss(new VaeLosses.GaussianNll()), "likelihood");
    } else {
      g.addLayer("reconstruction", loss(new VaeLosses.BernoulliNll()), "decoded");
    }
    g.addLayer("kl", loss(new VaeLosses.WeightedKl(a.beta())), "posterior");
    g.setOutputs("reconstruction", "kl");
    return g.build();
  }

  /**
   * The hidden layers {@code widths[0] -> ... -> widths[n - 2]} from {@code input}, named
   * {@code prefix<i>}, each followed by dropout; returns the last vertex's name.
   */
  private static String stack(GraphBuilder g, String prefix, String input, List<Integer> widths,
      VaeArchitecture a, double l2) {
    String last = input;
    for (int i = 0; i < widths.size() - 2; i++) {
      String name = prefix + i;
      g.addLayer(name, dense(widths, i, a.activation(), l2), last);
      last = name;
      if (a.dropout() > 0) {
        g.addLayer(name + "_dropout", new DropoutLayer.Builder(1 - a.dropout()).build(), last);
        last = name + "_dropout";
      }
    }
    return last;
  }

  /** The dense layer {@code widths[i] -> widths[i + 1]}. */
  private static DenseLayer dense(List<Integer> widths, int i, Activation activation, double l2) {
    DenseLayer.Builder layer = new DenseLayer.Builder().nIn(widths.get(i)).nOut(widths.get(i + 1))
        .activation(NetworkConfigs.of(activation));
    if (l2 > 0) {
      layer.l2(l2);
    }
    return layer.build();
  }

  /** An output that scores its input with {@code loss}. */
  private static LossLayer loss(ILossFunction loss) {
    return new LossLayer.Builder(loss).activation(new ActivationIdentity()).build();
  }

  /** The graph, for gradient checks. */
  ComputationGraph graph() {
    return graph;
  }

  /**
   * One step on the negative ELBO of {@code count} rows with the draws {@code eps}
   * ({@code count x latent}); returns the batch's mean loss per row as measured during the step,
   * without the L2 penalty.
   */
  double fit(float[] rows, float[] eps, int count) {
    INDArray x = matrix(rows, count, architecture.columns());
    double penalty = graph.calcRegularizationScore(true);
    graph.fit(inputs(x, eps, count), new INDArray[] {x,
        Nd4j.zeros(DataType.FLOAT, count, 2 * architecture.latent())});
    return graph.score() - penalty;
  }

  /** The encoder's output {@code [mu, v]} and the decoder's output for the draws {@code eps}. */
  record Pass(float[] posterior, float[] decoded) {}

  /** The whole graph's forward pass for the draws {@code eps}, without dropout. */
  Pass forward(float[] rows, float[] eps, int count) {
    INDArray[] out = graph.output(false, inputs(matrix(rows, count, architecture.columns()), eps,
        count));
    INDArray decoded = gaussian ? out[0].get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, architecture.columns())) : out[0];
    return new Pass(Dl4jParameters.values(out[1]), Dl4jParameters.values(decoded));
  }

  /** The learned log-variance of each feature; zeros for the Bernoulli likelihood. */
  float[] logVariance() {
    return gaussian ? Dl4jParameters.values(graph.getLayer(LOG_VARIANCE).getParam("W"))
        : new float[architecture.columns()];
  }

  /** The encoder as a plain network with the trained weights: rows to {@code [mu, v]}. */
  MultiLayerNetwork encoder() {
    return trained(encoder, architecture.encoderWidths(), "encoder", "posterior");
  }

  /** The decoder as a plain network with the trained weights: latent points to its output. */
  MultiLayerNetwork decoder() {
    return trained(decoder, architecture.decoderWidths(), "decoder", "decoded");
  }

  /** Dense layers of {@code widths}, the hidden ones with {@code activation}, the last identity. */
  private static MultiLayerConfiguration inference(List<Integer> widths, Activation activation) {
    ListBuilder list = NetworkConfigs.base(new Adam(NO_TRAINING), 0, 0L).list();
    int layers = widths.size() - 1;
    for (int i = 0; i < layers; i++) {
      list.layer(dense(widths, i, i == layers - 1 ? Activation.IDENTITY : activation, 0));
    }
    return list.build();
  }

  /**
   * A network of {@code configuration} (a clone: building a configuration would reseed this thread's
   * generator, cloning one does not) with the graph's current weights: its hidden layers are the
   * graph's {@code prefix<i>}, its last {@code output}.
   */
  private MultiLayerNetwork trained(MultiLayerConfiguration configuration, List<Integer> widths,
      String prefix, String output) {
    MultiLayerNetwork net = new MultiLayerNetwork(configuration.clone());
    net.init(Nd4j.zeros(DataType.FLOAT, 1, numParams(widths)), false);
    int layers = widths.size() - 1;
    for (int i = 0; i < layers; i++) {
      String name = i == layers - 1 ? output : prefix + i;
      net.getLayer(i).getParam("W").assign(graph.getLayer(name).getParam("W"));
      net.getLayer(i).getParam("b").assign(graph.getLayer(name).getParam("b"));
    }
    return net;
  }

  private static long numParams(List<Integer> widths) {
    long n = 0;
    for (int i = 0; i + 1 < widths.size(); i++) {
      n += (long) widths.get(i) * widths.get(i + 1) + widths.get(i + 1);
    }
    return n;
  }

  List<ParameterArray> parameters() {
    return Dl4jParameters.of(graph.paramTable(), "");
  }

  void setParameters(List<ParameterArray> arrays) {
    Dl4jParameters.set(graph.paramTable(), "", arrays);
  }

  float[] snapshot() {
    return Dl4jParameters.values(graph.params());
  }

  void restore(float[] snapshot) {
    Dl4jParameters.restore(graph.params(), snapshot);
  }

  /** The graph's inputs: the rows, the draws and, for the Gaussian log-variances, ones. */
  private INDArray[] inputs(INDArray x, float[] eps, int count) {
    INDArray noise = matrix(eps, count, architecture.latent());
    return gaussian ? new INDArray[] {x, noise, Nd4j.ones(DataType.FLOAT, count, 1)}
        : new INDArray[] {x, noise};
  }

  static INDArray matrix(float[] values, int rows, int columns) {
    int n = rows * columns;
    return Nd4j.create(values.length == n ? values : Arrays.copyOf(values, n),
        new long[] {rows, columns}, 'c');
  }
}

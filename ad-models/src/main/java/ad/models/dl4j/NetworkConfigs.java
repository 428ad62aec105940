package ad.models.dl4j;

import ad.models.network.Activation;
import ad.models.network.ConvArchitecture;
import ad.models.network.ConvLayer;
import ad.models.network.DenseArchitecture;
import ad.models.network.LstmArchitecture;
import ad.models.network.Shape;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.layers.misc.RepeatVector;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationHardTanH;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationMish;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationSoftSign;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The DL4J {@link MultiLayerConfiguration}s of the reconstruction families, translated from the
 * engine-neutral architectures ({@code ad.models.network}) layer for layer.
 *
 * <p>Common to all: float32; Adam (DL4J's: betas 0.9 and 0.999, epsilon 1e-8); L2 on the weights
 * (not the biases), multiplied by the network's loss scale (see {@link Dl4jNetwork}); workspaces on;
 * dropout as {@link DropoutLayer}s where the architecture has it (DL4J's dropout keeps a value with
 * probability {@code 1 - rate} and scales it by {@code 1 / (1 - rate)}, inverted dropout as in the
 * native engine). The configuration's seed draws the initial weights.
 *
 * <p>Beware: building any DL4J configuration reseeds the calling thread's ND4J generator (with the
 * seed given, else with the clock), and training's dropout draws from that generator; so the engine
 * builds configurations only before it seeds the generator for training, never while training
 * (cloning a configuration or a network leaves the generator alone).
 */
final class NetworkConfigs {
  private NetworkConfigs() {}

  /** A configuration and how its network sees rows. */
  record Built(MultiLayerConfiguration configuration, RowLayout layout, double lossScale) {}

  /**
   * A dense autoencoder {@code columns -> hidden... -> columns}: Xavier-normal weights (the native
   * engine's), dropout after every hidden layer, MSE. The input noise is the caller's (on the rows).
   */
  static Built dense(DenseArchitecture a, double learningRate, double l2, Long seed) {
    ListBuilder list = base(learningRate, l2, seed).weightInit(WeightInit.XAVIER).list();
    int in = a.columns();
    for (int width : a.hidden()) {
      list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(of(a.activation()))
          .build());
      dropout(list, a.dropout());
      in = width;
    }
    list.layer(new OutputLayer.Builder(LossFunction.MSE).nIn(in).nOut(a.columns())
        .activation(of(a.outputActivation())).build());
    return new Built(list.build(), RowLayout.table(a.columns()), 1);
  }

  /**
   * The index, among {@link #dense}'s layers, of hidden layer {@code hidden}: each hidden layer is
   * followed by a dropout layer of its own when the architecture drops out.
   */
  static int denseLayerIndex(DenseArchitecture a, int hidden) {
    return a.dropout() > 0 ? 2 * hidden : hidden;
  }

  /**
   * A convolutional autoencoder, layer for layer: convolutions with "same" padding (DL4J's, as
   * TensorFlow's: the extra padding row at the bottom/right), transposed convolutions and nearest
   * upsampling cropped at the bottom/right to the size the architecture retraces, max pooling over
   * partial windows too ("same" mode, ceil), the dense bottleneck flat over channel planes (DL4J's
   * CNN-to-dense flattening order), activations and dropout as layers of their own; Glorot-uniform
   * weights; MSE per pixel over its channels ({@link CnnLossLayer}), hence the loss scale
   * {@code height * width}. A series window is an image of height 1.
   */
  static Built conv(ConvArchitecture a, double learningRate, double l2, Long seed) {
    double lossScale = (double) a.input().height() * a.input().width();
    ListBuilder list = base(learningRate, l2 * lossScale, seed)
        .weightInit(WeightInit.XAVIER_UNIFORM).convolutionMode(ConvolutionMode.Same).list();
    boolean flat = false;
    int index = 0;
    for (ConvLayer layer : a.layers()) {
      boolean spatial = !(layer instanceof ConvLayer.FullyConnected
          || layer instanceof ConvLayer.Nonlinearity || layer instanceof ConvLayer.Dropout);
      if (flat && spatial) {
        list.inputPreProcessor(index, toMap(layer.in()));
        flat = false;
      }
      index += add(list, layer);
      flat = flat || layer instanceof ConvLayer.FullyConnected;
    }
    if (flat) {
      list.inputPreProcessor(index, toMap(a.input().shape()));
    }
    list.layer(new CnnLossLayer.Builder(LossFunction.MSE).activation(new ActivationIdentity())
        .build());
    list.setInputType(InputType.convolutional(a.input().height(), a.input().width(),
        a.input().channels()));
    return new Built(list.build(), RowLayout.image(a.input().height(), a.input().width(),
        a.input().channels()), lossScale);
  }

  /** Adds the DL4J layers of one architecture layer; returns how many. */
  private static int add(ListBuilder list, ConvLayer layer) {
    Shape in = layer.in();
    Shape out = layer.out();
    if (layer instanceof ConvLayer.Convolution c) {
      list.layer(new ConvolutionLayer.Builder(c.kernelHeight(), c.kernelWidth())
          .stride(c.strideHeight(), c.strideWidth()).nIn(in.channels()).nOut(out.channels())
          .activation(new ActivationIdentity()).build());
    } else if (layer instanceof ConvLayer.TransposedConvolution t) {
      list.layer(new Deconvolution2D.Builder(t.kernelHeight(), t.kernelWidth())
          .stride(t.strideHeight(), t.strideWidth()).nIn(in.channels()).nOut(out.channels())
          .activation(new ActivationIdentity()).build());
      return 1 + crop(list, in.height() * t.strideHeight() - out.height(),
          in.width() * t.strideWidth() - out.width());
    } else if (layer instanceof ConvLayer.MaxPooling p) {
      list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
          .kernelSize(p.height(), p.width()).stride(p.height(), p.width()).build());
    } else if (layer instanceof ConvLayer.Upsampling u) {
      list.layer(new Upsampling2D.Builder().size(new int[] {u.height(), u.width()}).build());
      return 1 + crop(list, in.height() * u.height() - out.height(),
          in.width() * u.width() - out.width());
    } else if (layer instanceof ConvLayer.FullyConnected) {
      list.layer(new DenseLayer.Builder().nIn(in.size()).nOut(out.size())
          .activation(new ActivationIdentity()).build());
    } else if (layer instanceof ConvLayer.Nonlinearity n) {
      list.layer(new ActivationLayer.Builder().activation(of(n.activation())).build());
    } else if (layer instanceof ConvLayer.Dropout d) {
      list.layer(new DropoutLayer.Builder(1 - d.rate()).build());
    } else {
      throw new IllegalArgumentException("no DL4J layer for " + layer);
    }
    return 1;
  }

  /**
   * An LSTM autoencoder: encoder LSTMs (the last wrapped to keep its last step), the code repeated
   * over the steps, decoder LSTMs, a dense output per step; dropout after every LSTM;
   * Glorot-uniform input weights, DL4J's defaults otherwise (forget-gate bias 1, as Keras); MSE per
   * step over its channels ({@link RnnOutputLayer}), hence the loss scale {@code steps}.
   */
  static Built lstm(LstmArchitecture a, double learningRate, double l2, Long seed) {
    ListBuilder list = base(learningRate, l2 * a.steps(), seed)
        .weightInit(WeightInit.XAVIER_UNIFORM).list();
    int layers = a.hidden().size();
    for (int i = 0; i < layers; i++) {
      LSTM lstm = new LSTM.Builder().nOut(a.hidden().get(i)).activation(of(a.activation())).build();
      list.layer(i == layers - 1 ? new LastTimeStep(lstm) : lstm);
      dropout(list, a.dropout());
    }
    list.layer(new RepeatVector.Builder(a.steps()).build());
    for (int i = layers - 1; i >= 0; i--) {
      list.layer(new LSTM.Builder().nOut(a.hidden().get(i)).activation(of(a.activation()))
          .dataFormat(RNNFormat.NCW).build());
      dropout(list, a.dropout());
    }
    list.layer(new RnnOutputLayer.Builder(LossFunction.MSE).nOut(a.channels())
        .activation(of(a.outputActivation())).build());
    list.setInputType(InputType.recurrent(a.channels(), a.steps()));
    return new Built(list.build(), RowLayout.sequence(a.steps(), a.channels()), a.steps());
  }

  /** The settings every network shares; {@code seed} null when the weights will be set. */
  static NeuralNetConfiguration.Builder base(double learningRate, double l2, Long seed) {
    return base(new Adam(learningRate), l2, seed);
  }

  /** {@link #base(double, double, Long)} with another updater (gradient checks use none). */
  static NeuralNetConfiguration.Builder base(IUpdater updater, double l2, Long seed) {
    NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
        .dataType(DataType.FLOAT)
        .updater(updater)
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
    if (l2 > 0) {
      builder.l2(l2);
    }
    return seed == null ? builder : builder.seed(seed);
  }

  private static void dropout(ListBuilder list, double rate) {
    if (rate > 0) {
      list.layer(new DropoutLayer.Builder(1 - rate).build());
    }
  }

  /** Crops {@code rows} from the bottom and {@code columns} from the right, if any; the layers added. */
  private static int crop(ListBuilder list, int rows, int columns) {
    if (rows <= 0 && columns <= 0) {
      return 0;
    }
    list.layer(new Cropping2D(0, Math.max(rows, 0), 0, Math.max(columns, 0)));
    return 1;
  }

  private static FeedForwardToCnnPreProcessor toMap(Shape shape) {
    return new FeedForwardToCnnPreProcessor(shape.height(), shape.width(), shape.channels());
  }

  /**
   * The DL4J activation of each of the project's, with the native engine's definitions: leaky ReLU
   * slope 0.01, ELU alpha 1, GELU's tanh approximation (DL4J's "precise" GELU; its default is
   * {@code x sigmoid(1.702 x)}).
   */
  static IActivation of(Activation activation) {
    return switch (activation) {
      case RELU -> new ActivationReLU();
      case LEAKYRELU -> new ActivationLReLU(0.01);
      case ELU -> new ActivationELU(1.0);
      case SELU -> new ActivationSELU();
      case GELU -> new ActivationGELU(true);
      case SWISH -> new ActivationSwish();
      case MISH -> new ActivationMish();
      case TANH -> new ActivationTanH();
      case SIGMOID -> new ActivationSigmoid();
      case HARDSIGMOID -> new ActivationHardSigmoid();
      case HARDTANH -> new ActivationHardTanH();
      case SOFTPLUS -> new ActivationSoftPlus();
      case SOFTSIGN -> new ActivationSoftSign();
      case IDENTITY -> new ActivationIdentity();
    };
  }
}

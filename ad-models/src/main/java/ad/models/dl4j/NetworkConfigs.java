package ad.models.dl4j;

import ad.models.train.TrainingOptions;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
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
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The DL4J networks of the reconstruction families, built layer by layer from engine-neutral
 * descriptions, each the same architecture the native engine builds from the same options.
 *
 * <p>Common to all: float32, Adam (DL4J's: betas 0.9 and 0.999, epsilon 1e-8) with the learning
 * rate, L2 on the weights (not the biases) scaled by the network's loss scale (see
 * {@link Dl4jNetwork}), workspaces on, and dropout as {@link DropoutLayer}s after the hidden
 * activations, where the native engine applies it (DL4J's dropout keeps a unit with probability
 * {@code 1 - rate} and scales it by {@code 1 / (1 - rate)}, as the native engine's inverted dropout).
 */
final class NetworkConfigs {
  private NetworkConfigs() {}

  /**
   * A dense autoencoder {@code columns -> hidden... -> columns}: Xavier-normal weights (as the native
   * engine), the output layer's activation, MSE.
   */
  static Dl4jNetwork dense(int columns, List<Integer> hidden, String activation,
      String outputActivation, TrainingOptions training, long seed) {
    ListBuilder list = base(training, 1, seed).weightInit(WeightInit.XAVIER).list();
    int in = columns;
    for (int width : hidden) {
      list.layer(new DenseLayer.Builder().nIn(in).nOut(width)
          .activation(Dl4jActivations.of(activation)).build());
      dropout(list, training);
      in = width;
    }
    list.layer(new OutputLayer.Builder(LossFunction.MSE).nIn(in).nOut(columns)
        .activation(Dl4jActivations.of(outputActivation)).build());
    return Dl4jNetwork.create(list.build(), RowLayout.table(columns), 1);
  }

  /** What a convolutional autoencoder is made of, in the native engine's terms. */
  record ConvShape(List<Integer> filters, int kernelSize, int strides, boolean maxPool,
      boolean transposed, Integer codeSize, String activation, String outputActivation) {}

  /**
   * A convolutional autoencoder on images {@code [height, width, channels]} or, with
   * {@code series}, windows {@code [steps, channels]} (given as an image of height 1 and width
   * {@code steps}, whose kernels, strides and pools act along the steps only). The encoder: per entry of {@code filters}, a "same"
   * convolution with the stride, the activation, dropout, and a 2x2 (or 2-step) max pool; with a
   * code size, a dense layer to the code and one back to the last map's size. The decoder retraces
   * each stage's size: a transposed convolution (stride = the stage's shrink factor, kernel at least
   * that) or nearest upsampling and a stride-1 convolution, cropped at the bottom and right where the
   * encoder's sizes were odd, as the native engine crops; the last stage has the output activation.
   * Glorot-uniform weights (as the native engine); MSE.
   */
  static Dl4jNetwork conv(int height, int width, int channels, boolean series, ConvShape shape,
      TrainingOptions training, long seed) {
    RowLayout layout = RowLayout.image(height, width, channels);
    int kh = series ? 1 : shape.kernelSize();
    int kw = shape.kernelSize();
    int sh = series ? 1 : shape.strides();
    int sw = shape.strides();
    int pool = shape.maxPool() ? 2 : 1;
    int ph = series ? 1 : pool;
    int pw = pool;
    double lossScale = (double) layout.height() * layout.width();
    ListBuilder list = base(training, lossScale, seed).weightInit(WeightInit.XAVIER_UNIFORM)
        .convolutionMode(ConvolutionMode.Same).list();
    int[][] stageInputs = new int[shape.filters().size()][];
    int h = layout.height();
    int w = layout.width();
    int c = layout.channels();
    for (int i = 0; i < shape.filters().size(); i++) {
      stageInputs[i] = new int[] {h, w, c};
      c = shape.filters().get(i);
      list.layer(new ConvolutionLayer.Builder(kh, kw).stride(sh, sw).nOut(c)
          .activation(Dl4jActivations.of(shape.activation())).build());
      h = ceilDiv(h, sh);
      w = ceilDiv(w, sw);
      dropout(list, training);
      if (pool > 1) {
        list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
            .kernelSize(ph, pw).stride(ph, pw).build());
        h = ceilDiv(h, ph);
        w = ceilDiv(w, pw);
      }
    }
    if (shape.codeSize() != null) {
      list.layer(new DenseLayer.Builder().nOut(shape.codeSize())
          .activation(Dl4jActivations.of(shape.activation())).build());
      dropout(list, training);
      list.layer(new DenseLayer.Builder().nOut(h * w * c)
          .activation(Dl4jActivations.of(shape.activation())).build());
      dropout(list, training);
      list.inputPreProcessor(layerCount(list), new FeedForwardToCnnPreProcessor(h, w, c));
    }
    int fh = sh * ph;
    int fw = sw * pw;
    for (int i = shape.filters().size() - 1; i >= 0; i--) {
      int[] target = stageInputs[i];
      boolean last = i == 0;
      String activation = last ? shape.outputActivation() : shape.activation();
      boolean grows = h != target[0] || w != target[1];
      if (grows && shape.transposed()) {
        list.layer(new Deconvolution2D.Builder(Math.max(kh, fh), Math.max(kw, fw)).stride(fh, fw)
            .nOut(target[2]).activation(Dl4jActivations.of(activation)).build());
        crop(list, h * fh - target[0], w * fw - target[1]);
      } else {
        if (grows) {
          list.layer(new Upsampling2D.Builder().size(new int[] {fh, fw}).build());
          crop(list, h * fh - target[0], w * fw - target[1]);
        }
        list.layer(new ConvolutionLayer.Builder(kh, kw).stride(1, 1).nOut(target[2])
            .activation(Dl4jActivations.of(activation)).build());
      }
      h = target[0];
      w = target[1];
      if (!last) {
        dropout(list, training);
      }
    }
    list.layer(new CnnLossLayer.Builder(LossFunction.MSE).activation(new ActivationIdentity())
        .build());
    list.setInputType(InputType.convolutional(layout.height(), layout.width(), layout.channels()));
    return Dl4jNetwork.create(list.build(), layout, lossScale);
  }

  /**
   * An LSTM autoencoder on windows {@code [steps, channels]}: an encoder LSTM per entry of
   * {@code hidden} (the last one keeps only its last step: the code), the code repeated over the
   * steps, a decoder LSTM per entry of {@code hidden} in reverse order, and a dense layer per step
   * back to the channels with the output activation. Glorot-uniform input weights, DL4J's default
   * forget-gate bias of 1; MSE.
   */
  static Dl4jNetwork lstm(int steps, int channels, List<Integer> hidden, String activation,
      String outputActivation, TrainingOptions training, long seed) {
    ListBuilder list = base(training, steps, seed).weightInit(WeightInit.XAVIER_UNIFORM).list();
    for (int i = 0; i < hidden.size(); i++) {
      LSTM lstm = new LSTM.Builder().nOut(hidden.get(i)).activation(Dl4jActivations.of(activation))
          .build();
      list.layer(i == hidden.size() - 1 ? new LastTimeStep(lstm) : lstm);
      dropout(list, training);
    }
    list.layer(new RepeatVector.Builder(steps).build());
    for (int i = hidden.size() - 1; i >= 0; i--) {
      list.layer(new LSTM.Builder().nOut(hidden.get(i)).activation(Dl4jActivations.of(activation))
          .dataFormat(RNNFormat.NCW).build());
      dropout(list, training);
    }
    list.layer(new RnnOutputLayer.Builder(LossFunction.MSE).nOut(channels)
        .activation(Dl4jActivations.of(outputActivation)).build());
    list.setInputType(InputType.recurrent(channels, steps));
    return Dl4jNetwork.create(list.build(), RowLayout.sequence(steps, channels), steps);
  }

  private static NeuralNetConfiguration.Builder base(TrainingOptions training, double lossScale,
      long seed) {
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .updater(new Adam(training.learningRate()))
        .l2(training.l2() * lossScale)
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
  }

  private static void dropout(ListBuilder list, TrainingOptions training) {
    if (training.dropout() > 0) {
      list.layer(new DropoutLayer.Builder(1 - training.dropout()).build());
    }
  }

  /** Crops {@code rows} from the bottom and {@code columns} from the right, if any. */
  private static void crop(ListBuilder list, int rows, int columns) {
    if (rows > 0 || columns > 0) {
      list.layer(new Cropping2D(0, rows, 0, columns));
    }
  }

  private static int layerCount(ListBuilder list) {
    return list.getLayerwise().size();
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}

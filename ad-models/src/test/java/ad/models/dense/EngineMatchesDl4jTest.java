package ad.models.dense;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.models.Training;
import java.util.List;
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
import org.junit.jupiter.api.Test;

/**
 * The engine against the DL4J MultiLayerNetwork it replaced, on the same data, architecture
 * (20-10-20, relu, sigmoid out), optimiser (Adam 1e-3), loss (MSE), batch size and row order: the
 * training-set MSE after each epoch must follow the same curve. Initial weights differ (each draws
 * its own Xavier weights), so the curves agree in size, not digit for digit. Measured at epoch 8 over
 * seeds 1, 2, 3, 42: engine MSE 0.043-0.060, DL4J 0.032-0.051; at seed 42 the two curves stay within
 * 30% of each other at every epoch (0.084 -> 0.045 and 0.085 -> 0.036).
 */
class EngineMatchesDl4jTest {
  private static final Dataset TRAIN = new Manifold(20, 2, 11L).sample("train", 600, 0, 1L);
  private static final int EPOCHS = 8;
  private static final int BATCH = 32;

  @Test
  void lossCurvesAgreeWithDl4j() {
    double[] dl4j = dl4jCurve();
    double[] engine = new double[EPOCHS];
    for (int e = 1; e <= EPOCHS; e++) {
      DenseAutoencoderOptions options = new DenseAutoencoderOptions(List.of(10),
          ad.models.network.Activation.RELU, ad.models.network.Activation.SIGMOID, null,
          Training.with().learningRate(1e-3).epochs(e).batchSize(BATCH).shuffle(false).options());
      engine[e - 1] = mean(new DenseAutoencoder(options).fit(TRAIN, 42).score(TRAIN).values());
    }
    String curves = "engine " + java.util.Arrays.toString(engine) + "\ndl4j   "
        + java.util.Arrays.toString(dl4j);
    for (int e = 0; e < EPOCHS; e++) {
      double ratio = engine[e] / dl4j[e];
      assertTrue(ratio > 0.6 && ratio < 1.6, "epoch " + (e + 1) + ": " + curves);
    }
    assertTrue(engine[EPOCHS - 1] < engine[0] / 1.5 && dl4j[EPOCHS - 1] < dl4j[0] / 1.5, curves);
  }

  private static double[] dl4jCurve() {
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42)
        .dataType(DataType.FLOAT).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list()
        .layer(new DenseLayer.Builder().nIn(20).nOut(10).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(10).nOut(20)
            .activation(Activation.SIGMOID).build())
        .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    INDArray all = Nd4j.create(TRAIN.values(), new long[] {TRAIN.rows(), 20}, 'c');
    double[] curve = new double[EPOCHS];
    for (int e = 0; e < EPOCHS; e++) {
      for (int first = 0; first < TRAIN.rows(); first += BATCH) {
        int count = Math.min(BATCH, TRAIN.rows() - first);
        INDArray x = all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(first, first + count),
            org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c');
        net.fit(x, x);
      }
      INDArray out = net.output(all, false);
      curve[e] = out.sub(all).muli(out.sub(all)).meanNumber().doubleValue();
    }
    return curve;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}

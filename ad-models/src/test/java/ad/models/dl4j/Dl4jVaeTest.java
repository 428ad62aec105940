package ad.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.models.network.RowTrim;
import ad.models.network.Activation;
import ad.models.network.Likelihood;
import ad.models.network.VaeArchitecture;
import ad.models.network.VaeCodec;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The DL4J VAE: its reparameterisation vertex and loss terms pass DL4J's gradient check (finite
 * differences in double precision) for both likelihoods, with L2; a training step reports the
 * negative ELBO that the native engine's formulas give for the graph's own forward pass; and the
 * inference encoder and decoder compute what the training graph computes.
 */
class Dl4jVaeTest {

  @Test
  void gradientsMatchFiniteDifferencesForBothLikelihoods() {
    // DL4J's gradient check insists on a double default type (process-wide; restored below).
    DataType before = Nd4j.dataType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    try {
      for (Likelihood likelihood : Likelihood.values()) {
        check(likelihood);
      }
    } finally {
      Nd4j.setDefaultDataTypes(before, before);
    }
  }

  private static void check(Likelihood likelihood) {
    boolean gaussian = likelihood == Likelihood.GAUSSIAN;
    Dl4jVae vae = Dl4jVae.create(new VaeArchitecture(4, List.of(3), 2, Activation.TANH, likelihood,
        0.7, 0), 5L, DataType.DOUBLE, new NoOp(), 0.05);
    Nd4j.getRandom().setSeed(11);
    INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 4);
    INDArray eps = Nd4j.randn(DataType.DOUBLE, 6, 2);
    if (gaussian) {
      // Off 0, so that the log-variances' gradients are not all alike.
      vae.graph().getLayer("log_variance").getParam("W")
          .assign(Nd4j.rand(DataType.DOUBLE, 1, 4).subi(0.5));
    }
    INDArray[] inputs = gaussian ? new INDArray[] {x, eps, Nd4j.ones(DataType.DOUBLE, 6, 1)}
        : new INDArray[] {x, eps};
    assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig()
        .net(vae.graph()).inputs(inputs).labels(new INDArray[] {x, Nd4j.zeros(DataType.DOUBLE, 6,
            4)}).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)), likelihood + " gradients");
  }

  @Test
  void aStepReportsTheNegativeElboOfItsForwardPass() {
    int columns = 5;
    int latent = 2;
    int count = 7;
    double beta = 0.5;
    VaeArchitecture architecture = new VaeArchitecture(columns, List.of(4), latent,
        Activation.RELU, Likelihood.GAUSSIAN, beta, 0);
    Dl4jVae vae = Dl4jVae.create(architecture, 3L);
    vae.prepareTraining(1e-3, 0.01);
    float[] x = uniform(count * columns, 2);
    float[] eps = gaussian(count * latent, 4);
    Dl4jVae.Pass pass = vae.forward(x, eps, count);
    float[] logVariance = vae.logVariance();
    double expected = 0;
    for (int r = 0; r < count; r++) {
      for (int j = 0; j < columns; j++) {
        double d = x[r * columns + j] - pass.decoded()[r * columns + j];
        double v = logVariance[j];
        expected += 0.5 * (Math.log(2 * Math.PI) + v) + 0.5 * d * d * Math.exp(-v);
      }
      for (int k = 0; k < latent; k++) {
        double mu = pass.posterior()[r * 2 * latent + k];
        double v = pass.posterior()[r * 2 * latent + latent + k];
        expected += beta * -0.5 * (1 + v - mu * mu - Math.exp(v));
      }
    }
    expected /= count;
    assertEquals(expected, vae.fit(x, eps, count), 1e-4 * Math.abs(expected));
  }

  @Test
  void theInferenceCodecComputesWhatTheTrainingGraphComputes() {
    for (Likelihood likelihood : Likelihood.values()) {
      int columns = 6;
      int latent = 3;
      int count = 4;
      Dl4jVariational net = new Dl4jVariational(new VaeArchitecture(columns, List.of(5, 4), latent,
          Activation.ELU, likelihood, 1.0, 0.2), 9L);
      float[] x = uniform(count * columns, 5);
      net.trainer(1e-2, 0, count, RowTrim.NONE, 1L).trainBatch(x, count);
      float[] eps = gaussian(count * latent, 6);
      Dl4jVae.Pass pass = net.vae().forward(x, eps, count);
      VaeCodec codec = net.codec();
      float[] h = codec.encode(x, count).clone();
      assertArrayEquals(pass.posterior(), h, 1e-6f);
      float[] z = new float[count * latent];
      for (int r = 0; r < count; r++) {
        for (int k = 0; k < latent; k++) {
          float mu = h[r * 2 * latent + k];
          float v = h[r * 2 * latent + latent + k];
          z[r * latent + k] = mu + (float) Math.exp(0.5 * v) * eps[r * latent + k];
        }
      }
      assertArrayEquals(pass.decoded(), codec.decode(z, count), 1e-5f, likelihood.toString());
    }
  }

  private static float[] uniform(int n, long seed) {
    Random random = new Random(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextFloat();
    }
    return values;
  }

  private static float[] gaussian(int n, long seed) {
    Random random = new Random(seed);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}

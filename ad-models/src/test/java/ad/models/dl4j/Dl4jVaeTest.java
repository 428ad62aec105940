package ad.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.models.train.TrainingOptions;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The DL4J VAE graph: its custom reparameterisation vertex and loss terms pass DL4J's gradient check
 * (finite differences, double precision) for both likelihoods, and a training step reports the
 * negative ELBO that the native engine's formulas give for the graph's own forward pass.
 */
class Dl4jVaeTest {
  private static final TrainingOptions OPTIONS = new TrainingOptions(1e-3, 1, 8, null, null, null,
      null, null);

  @Test
  void gradientsMatchFiniteDifferencesForBothLikelihoods() {
    // DL4J's gradient check insists on a double default type (process-wide; restored below).
    DataType before = Nd4j.dataType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    try {
      checkBothLikelihoods();
    } finally {
      Nd4j.setDefaultDataTypes(before, before);
    }
  }

  private static void checkBothLikelihoods() {
    for (boolean gaussian : new boolean[] {true, false}) {
      Dl4jVae vae = Dl4jVae.create(4, List.of(3), 2, "tanh", gaussian, 0.7, OPTIONS, 5L,
          DataType.DOUBLE, new NoOp());
      Nd4j.getRandom().setSeed(11);
      INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 4);
      INDArray eps = Nd4j.randn(DataType.DOUBLE, 6, 2);
      INDArray ones = Nd4j.ones(DataType.DOUBLE, 6, 1);
      // Move the log-variances off 0 so that their gradient is not trivially symmetric.
      if (gaussian) {
        vae.graph().getLayer("log-variance").getParam("W").assign(Nd4j.rand(DataType.DOUBLE, 1, 4)
            .subi(0.5));
      }
      boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig()
          .net(vae.graph())
          .inputs(gaussian ? new INDArray[] {x, eps, ones} : new INDArray[] {x, eps})
          .labels(new INDArray[] {x, Nd4j.zeros(DataType.DOUBLE, 6, 4)})
          .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8));
      assertTrue(ok, (gaussian ? "gaussian" : "bernoulli") + " gradients");
    }
  }

  @Test
  void aStepReportsTheNegativeElboOfItsForwardPass() {
    int columns = 5;
    int latent = 2;
    int count = 7;
    double beta = 0.5;
    Dl4jVae vae = Dl4jVae.create(columns, List.of(4), latent, "relu", true, beta, OPTIONS, 3L);
    Random random = new Random(2);
    float[] x = new float[count * columns];
    float[] eps = new float[count * latent];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    for (int i = 0; i < eps.length; i++) {
      eps[i] = (float) random.nextGaussian();
    }
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
}

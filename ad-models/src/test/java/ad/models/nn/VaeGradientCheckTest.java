package ad.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.models.network.Activation;
import ad.models.network.Likelihood;
import ad.models.network.VaeArchitecture;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The ELBO's gradients (reconstruction, reparameterisation, KL, variances) against finite differences. */
class VaeGradientCheckTest {
  private static final int ROWS = 4;
  private static final int COLUMNS = 3;
  private static final float H = 1e-3f;

  @ParameterizedTest
  @EnumSource(Likelihood.class)
  void everyParameterOfTheElbo(Likelihood reconstruction) {
    VaeTraining training = training(reconstruction, 0.7);
    float[] x = rows(1);
    float[] eps = noise(2);
    training.lossAndGradients(x, ROWS, eps);
    List<Parameter> parameters = training.parameters();
    for (int p = 0; p < parameters.size(); p++) {
      float[] values = parameters.get(p).value();
      float[] analytic = parameters.get(p).gradient().clone();
      for (int i = 0; i < values.length; i++) {
        float saved = values[i];
        values[i] = saved + H;
        double plus = training.lossAndGradients(x, ROWS, eps);
        values[i] = saved - H;
        double minus = training.lossAndGradients(x, ROWS, eps);
        values[i] = saved;
        double numeric = (plus - minus) / (2 * H);
        double tolerance = 2e-3 + 2e-2 * Math.abs(numeric);
        assertTrue(Math.abs(analytic[i] - numeric) <= tolerance, reconstruction + " parameter " + p
            + "[" + i + "]: analytic " + analytic[i] + " vs numeric " + numeric);
      }
    }
  }

  @Test
  void theKlTermIsInTheLossAndBetaScalesIt() {
    float[] x = rows(3);
    float[] eps = noise(4);
    double withKl = training(Likelihood.GAUSSIAN, 1.0).lossAndGradients(x, ROWS, eps);
    double without = training(Likelihood.GAUSSIAN, 0.0).lossAndGradients(x, ROWS, eps);
    double doubled = training(Likelihood.GAUSSIAN, 2.0).lossAndGradients(x, ROWS, eps);
    // Same weights (same seeds) and draws: the differences are exactly the mean KL and twice it.
    double kl = withKl - without;
    assertTrue(kl > 1e-3, "mean KL " + kl);
    assertEquals(2 * kl, doubled - without, 1e-5);
  }

  private static VaeTraining training(Likelihood reconstruction, double beta) {
    MlpVae net = new MlpVae(new VaeArchitecture(COLUMNS, List.of(4), 2, Activation.TANH,
        reconstruction, beta, 0), 1);
    // Spread the biases and log-variances away from 0 so that every term has a gradient to check.
    SplittableRandom random = new SplittableRandom(5);
    float[] all = net.snapshot();
    for (int i = 0; i < all.length; i++) {
      all[i] += (float) (0.3 * random.nextGaussian());
    }
    net.restore(all);
    return new VaeTraining(net, 1e-3, 0, ROWS, ad.models.network.RowTrim.NONE, 7);
  }

  private static float[] rows(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[ROWS * COLUMNS];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    return x;
  }

  private static float[] noise(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] eps = new float[ROWS * 2];
    for (int i = 0; i < eps.length; i++) {
      eps[i] = (float) random.nextGaussian();
    }
    return eps;
  }
}

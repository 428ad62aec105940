package ad.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ad.core.Dataset;
import ad.models.dense.Manifold;
import ad.models.network.Activation;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.DenseArchitecture;
import ad.models.network.InputNoise;
import ad.models.network.Likelihood;
import ad.models.network.NoiseKind;
import ad.models.network.VaeArchitecture;
import ad.models.network.VariationalNetwork;
import ad.models.dense.DenoisingAutoencoder;
import ad.models.dense.DenoisingAutoencoderOptions;
import ad.models.dense.DenseAutoencoderOptions;
import ad.models.network.Engine;
import ad.models.train.TrainingOptions;
import ad.models.vae.VariationalAutoencoder;
import ad.models.vae.VariationalAutoencoderOptions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Same seed, same numbers, on any number of threads. ND4J keeps one random generator per thread
 * ({@code RandomFactory} holds them in a {@code ThreadLocal}); DL4J seeds the calling thread's when
 * it initialises a network, the engine seeds it again when training starts, and dropout draws from
 * it; everything else is drawn in Java from the fit seed. So a fit (with dropout, noise, validation)
 * gives the same scores alone and while another fit with another seed runs on a second thread.
 */
class SeedingTest {
  private static final Dataset TRAIN = new Manifold(12, 2, 5L).sample("train", 300, 0, 6L);
  private static final TrainingOptions TRAINING = new TrainingOptions(3e-3, 4, 32, 0.2, null, 0.2,
      1e-4, null, Engine.DL4J);

  @Test
  void aDenoisingFitIsTheSameAloneAndBesideAnotherFit() throws Exception {
    sameAloneAndBeside(SeedingTest::fitDenoising);
  }

  @Test
  void aVaeFitIsTheSameAloneAndBesideAnotherFit() throws Exception {
    sameAloneAndBeside(SeedingTest::fitVae);
  }

  /** Scoring copies the network without touching this thread's generator, which dropout uses. */
  @Test
  void scoringPassesLeaveTheThreadsGeneratorAlone() {
    AutoencoderNetwork dense = denoising(1L);
    VariationalNetwork vae = vae(1L);
    Nd4j.getRandom().setSeed(42);
    double first = Nd4j.getRandom().nextDouble();
    Nd4j.getRandom().setSeed(42);
    dense.reconstructor().reconstruct(TRAIN.values(), 4);
    vae.codec().encode(TRAIN.values(), 4);
    assertEquals(first, Nd4j.getRandom().nextDouble());
  }

  private static void sameAloneAndBeside(LongFunction<float[]> fit) throws Exception {
    float[] alone = fit.apply(1L);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 2; round++) {
        Future<float[]> same = pool.submit(() -> fit.apply(1L));
        Future<float[]> other = pool.submit(() -> fit.apply(2L));
        assertArrayEquals(alone, same.get(), "seed 1 beside seed 2, round " + round);
        assertFalse(Arrays.equals(alone, other.get()), "another seed gives other weights");
      }
    } finally {
      pool.shutdownNow();
    }
    assertArrayEquals(alone, fit.apply(1L), "again on this thread, after the others");
  }

  private static AutoencoderNetwork denoising(long seed) {
    return Dl4jEngine.INSTANCE.dense(new DenseArchitecture(12, List.of(6, 3, 6), Activation.RELU,
        Activation.SIGMOID, 0.2, new InputNoise(NoiseKind.GAUSSIAN, 0.1)), seed);
  }

  private static VariationalNetwork vae(long seed) {
    return Dl4jEngine.INSTANCE.variational(new VaeArchitecture(12, List.of(6), 2, Activation.RELU,
        Likelihood.GAUSSIAN, 1.0, 0.2), seed);
  }

  /** The scores of a denoising autoencoder fitted with dropout, noise and validation. */
  private static float[] fitDenoising(long seed) {
    DenoisingAutoencoderOptions options = new DenoisingAutoencoderOptions(
        new DenseAutoencoderOptions(List.of(6, 3, 6), null, null, null, TRAINING), NoiseKind.GAUSSIAN,
        0.1, null);
    return floats(new DenoisingAutoencoder(options).fit(TRAIN, seed).score(TRAIN).values());
  }

  /** The scores of a VAE fitted with dropout and validation (its negative ELBO, scored mid-fit). */
  private static float[] fitVae(long seed) {
    VariationalAutoencoderOptions options = new VariationalAutoencoderOptions(List.of(6), 2, null,
        null, null, null, null, TRAINING);
    return floats(new VariationalAutoencoder(options).fit(TRAIN, seed).score(TRAIN).values());
  }

  private static float[] floats(double[] values) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }
}

package ad.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ad.core.Dataset;
import ad.models.dense.Manifold;
import ad.models.train.TrainingLoop;
import ad.models.train.TrainingOptions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Same seed, same numbers, on any number of threads: ND4J keeps one random generator per thread
 * ({@code RandomFactory} holds them in a {@code ThreadLocal}), DL4J reseeds the calling thread's at
 * {@code init()}, and dropout draws from it, so a fit depends only on its own seed even while another
 * fit (with dropout, another seed) runs on a second thread in the same JVM.
 */
class SeedingTest {
  private static final Dataset TRAIN = new Manifold(12, 2, 5L).sample("train", 300, 0, 6L);
  private static final TrainingOptions OPTIONS = new TrainingOptions(3e-3, 4, 32, null, null, 0.2,
      1e-4, null);

  @Test
  void aFitIsTheSameAloneAndBesideAnotherFitOnAnotherThread() throws Exception {
    float[] alone = fit(1L);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 2; round++) {
        Future<float[]> same = pool.submit(() -> fit(1L));
        Future<float[]> other = pool.submit(() -> fit(2L));
        assertArrayEquals(alone, same.get(), "seed 1 beside seed 2, round " + round);
        assertFalse(Arrays.equals(alone, other.get()), "another seed gives other weights");
      }
    } finally {
      pool.shutdownNow();
    }
    assertArrayEquals(alone, fit(1L), "again on this thread, after the others");
  }

  @Test
  void aVaeFitIsTheSameAloneAndBesideAnother() throws Exception {
    float[] alone = fitVae(1L);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<float[]> same = pool.submit(() -> fitVae(1L));
      Future<float[]> other = pool.submit(() -> fitVae(2L));
      assertArrayEquals(alone, same.get());
      assertFalse(Arrays.equals(alone, other.get()));
    } finally {
      pool.shutdownNow();
    }
  }

  private static float[] fit(long seed) {
    Dl4jNetwork net = NetworkConfigs.dense(12, List.of(6, 3, 6), "relu", "sigmoid", OPTIONS, seed);
    TrainingLoop.run(new Dl4jTraining(net, 32, null), TRAIN, null, OPTIONS, seed);
    return net.parameters();
  }

  private static float[] fitVae(long seed) {
    Dl4jVae vae = Dl4jVae.create(12, List.of(6), 2, "relu", true, 1.0, OPTIONS, seed);
    java.util.SplittableRandom draws = new java.util.SplittableRandom(seed);
    float[] rows = new float[32 * 12];
    float[] eps = new float[32 * 2];
    for (int step = 0; step < 20; step++) {
      TRAIN.copyRows(step * 10, 32, rows);
      for (int i = 0; i < eps.length; i++) {
        eps[i] = (float) draws.nextGaussian();
      }
      vae.fit(rows, eps, 32);
    }
    return vae.parameters();
  }
}

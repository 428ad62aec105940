package ad.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ad.core.Dataset;
import ad.core.Detector;
import ad.models.Training;
import ad.models.dense.DenoisingAutoencoder;
import ad.models.dense.DenoisingAutoencoderOptions;
import ad.models.dense.DenseAutoencoderOptions;
import ad.models.dense.Manifold;
import ad.models.network.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Members of real families fitted one at a time and side by side give the same ensemble, bit for
 * bit: each member's dropout, noise, shuffling and weights come from its own seed, on either engine
 * (DL4J draws dropout from a per-thread generator, which each member's training seeds).
 */
class EnsembleThreadsTest {
  private static final Manifold SURFACE = new Manifold(8, 2, 3L);
  private static final Dataset TRAIN = SURFACE.sample("train", 200, 0, 1L);
  private static final Dataset TEST = SURFACE.sample("test", 30, 10, 2L);

  private static void assertThreadFree(Engine engine) {
    Detector member = new DenoisingAutoencoder(new DenoisingAutoencoderOptions(
        new DenseAutoencoderOptions(List.of(6, 3, 6), null, null, null, Training.with()
            .learningRate(1e-2).epochs(2).batchSize(16).dropout(0.1).trim(0.1).validationSplit(0.1)
            .engine(engine).options()), null, 0.05, null));
    Ensemble ensemble = new Ensemble(new EnsembleOptions(3, Combine.MEAN, 150, 0.7,
        Standardisation.ROBUST), "denoising_autoencoder");
    double[] alone = ensemble.fit(TRAIN, 11L, member::fit, 1).score(TEST).values();
    assertArrayEquals(alone, ensemble.fit(TRAIN, 11L, member::fit, 2).score(TEST).values());
    assertArrayEquals(alone, ensemble.fit(TRAIN, 11L, member::fit, 3).score(TEST).values());
  }

  @Test
  void nativeMembers() {
    assertThreadFree(Engine.NATIVE);
  }

  @Test
  void dl4jMembers() {
    assertThreadFree(Engine.DL4J);
  }
}

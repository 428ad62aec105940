package ad.models.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.UserException;
import ad.core.registry.OptionException;
import ad.models.Training;
import ad.models.network.NoiseKind;
import ad.models.network.Reconstructor;
import ad.models.recon.AutoencoderModel;
import ad.models.train.TrainingOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenoisingAutoencoderTest {
  private static final Manifold SURFACE = new Manifold(20, 2, 11L);
  private static final Dataset TRAIN = SURFACE.sample("train", 600, 0, 1L);
  private static final Dataset TEST = SURFACE.sample("test", 300, 100, 2L);

  private static DenoisingAutoencoderOptions options(Double learningRate, NoiseKind noise,
      Double std, Double fraction) {
    return new DenoisingAutoencoderOptions(new DenseAutoencoderOptions(List.of(10), null, null, null,
        new TrainingOptions(learningRate, 20, null, null, null, null, null, null, null)), noise, std,
        fraction);
  }

  @Test
  void learnsWithEitherNoiseWhereAnUntrainedNetworkCannot() {
    // Measured (seed 42): 1.000 with either noise; learning rate 1e-12 (untrained): 0.549.
    double gaussian = Auc.of(new DenoisingAutoencoder(options(null, NoiseKind.GAUSSIAN, 0.05, null))
        .fit(TRAIN, 42).score(TEST), TEST);
    double masking = Auc.of(new DenoisingAutoencoder(options(null, NoiseKind.MASKING, null, 0.1))
        .fit(TRAIN, 42).score(TEST), TEST);
    double untrained = Auc.of(new DenoisingAutoencoder(options(1e-12, NoiseKind.GAUSSIAN, 0.05, null))
        .fit(TRAIN, 42).score(TEST), TEST);
    assertTrue(gaussian > 0.9, "gaussian AUC " + gaussian);
    assertTrue(masking > 0.9, "masking AUC " + masking);
    assertTrue(untrained < 0.7, "untrained AUC " + untrained);
  }

  @Test
  void noiseOnlyInTrainingScoresAreTheCleanReconstructionError() {
    DetectorModel model = new DenoisingAutoencoder(options(null, NoiseKind.GAUSSIAN, 0.2, null))
        .fit(TRAIN, 3);
    double[] scores = model.score(TEST).values();
    assertArrayEquals(scores, model.score(TEST).values(), "scoring is deterministic");
    // Recompute by hand from the clean rows through the trained network: no noise at scoring.
    Reconstructor network = ((AutoencoderModel) model).network().reconstructor();
    int columns = TEST.columns();
    float[] row = new float[columns];
    for (int r = 0; r < TEST.rows(); r++) {
      TEST.copyRow(r, row, 0);
      float[] out = network.reconstruct(row, 1);
      double sum = 0;
      for (int c = 0; c < columns; c++) {
        float d = row[c] - out[c];
        sum += d * d;
      }
      // One row alone or in a batch of 256: the same products up to float rounding.
      assertEquals(sum / columns, scores[r], 1e-6 * scores[r]);
    }
  }

  @Test
  void theNoiseReallyTrainsTheModelDifferently() {
    // Same seed, same network and training streams: only the input noise differs.
    DetectorModel denoising = new DenoisingAutoencoder(options(null, NoiseKind.MASKING, null, 0.3))
        .fit(TRAIN, 5);
    DetectorModel plain = new DenseAutoencoder(options(null, null, null, null).autoencoder())
        .fit(TRAIN, 5);
    assertNotEquals(plain.score(TEST), denoising.score(TEST));
  }

  @Test
  void sameSeedGivesIdenticalScores() {
    DenoisingAutoencoderOptions o = new DenoisingAutoencoderOptions(new DenseAutoencoderOptions(
        List.of(8), null, null, null, Training.with().epochs(3).batchSize(16).validationSplit(0.2)
        .dropout(0.1).options()), NoiseKind.GAUSSIAN, 0.1, null);
    DetectorModel a = new DenoisingAutoencoder(o).fit(TRAIN, 9);
    DetectorModel b = new DenoisingAutoencoder(o).fit(TRAIN, 9);
    DetectorModel c = new DenoisingAutoencoder(o).fit(TRAIN, 10);
    assertEquals(a.score(TEST), b.score(TEST));
    assertEquals(a.trainingHistory(), b.trainingHistory());
    assertNotEquals(a.score(TEST), c.score(TEST));
  }

  @Test
  void explainsAndRefusesAnotherColumnCount() {
    DetectorModel model = new DenoisingAutoencoder(new DenoisingAutoencoderOptions(List.of(4))).fit(TRAIN, 1);
    assertEquals(TEST.rows(), model.explain(TEST).orElseThrow().rows());
    Dataset narrow = Dataset.of("narrow", 1, 3, new float[3], Dataset.defaultFeatureNames(3), null);
    UserException e = assertThrows(UserException.class, () -> model.score(narrow));
    assertEquals("model was trained on 20 features but 'narrow' has 3", e.getMessage());
  }

  @Test
  void optionsNameTheirKeys() {
    DenoisingAutoencoderOptions defaults = new DenoisingAutoencoderOptions(List.of(4));
    assertEquals(NoiseKind.GAUSSIAN, defaults.noise());
    assertEquals(0.1, defaults.noiseStd());
    assertEquals(null, defaults.maskFraction());
    assertEquals(0.2, options(null, NoiseKind.MASKING, null, null).maskFraction());
    assertKey("noise_std", () -> options(null, NoiseKind.GAUSSIAN, 0.0, null));
    assertKey("noise_std", () -> options(null, NoiseKind.MASKING, 0.1, null));
    assertKey("mask_fraction", () -> options(null, NoiseKind.GAUSSIAN, null, 0.1));
    assertKey("mask_fraction", () -> options(null, NoiseKind.MASKING, null, 1.0));
    assertKey("learning_rate", () -> options(-1.0, null, null, null));
  }

  private static void assertKey(String key, Runnable build) {
    OptionException e = assertThrows(OptionException.class, build::run);
    assertEquals(key, e.field(), e.getMessage());
  }
}

package ad.models.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.UserException;
import ad.core.registry.Registry;
import ad.models.Training;
import ad.models.conv.Images;
import ad.models.network.Activation;
import ad.models.network.Engine;
import ad.models.recon.Residual;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LSTM autoencoder on seeded waves: it learns their shape (a slower wave scores higher), scores a
 * window by its mean squared or absolute error with per-step-and-channel explanations, is
 * reproducible from its seed, runs on either engine (native by default), and refuses images with a
 * message that says what to do.
 */
class LstmAutoencoderTest {
  private static final Dataset WAVES = Images.waves("waves", 16, 100, 0, 3);
  private static final Dataset WAVE_TEST = Images.waves("test", 16, 100, 20, 4);

  private static LstmAutoencoderOptions options(int epochs, double learningRate, Residual residual) {
    return new LstmAutoencoderOptions(null, List.of(16), null, Activation.SIGMOID, residual,
        Training.with().learningRate(learningRate).epochs(epochs).batchSize(16).options());
  }

  @Test
  void learnsWhatWavesLookLike() {
    double trained = Images.auc(new LstmAutoencoder(options(10, 1e-2, null)).fit(WAVES, 1)
        .score(WAVE_TEST), WAVE_TEST);
    double untrained = Images.auc(new LstmAutoencoder(options(1, 1e-9, null)).fit(WAVES, 1)
        .score(WAVE_TEST), WAVE_TEST);
    System.out.printf("LSTM AUC trained %.3f untrained %.3f%n", trained, untrained);
    assertTrue(trained > 0.9, "trained AUC " + trained);
    assertTrue(untrained < 0.8, "untrained AUC " + untrained);
  }

  @Test
  void scoresAreTheMeanOfTheExplainedErrorsSquaredOrAbsolute() {
    Dataset small = WAVES.select(new int[] {0, 1, 2, 3, 4, 5});
    for (Residual residual : Residual.values()) {
      DetectorModel model = new LstmAutoencoder(options(1, 1e-2, residual)).fit(small, 2);
      FeatureErrors errors = model.explain(small).orElseThrow();
      assertEquals(List.of("t0c0", "t0c1", "t1c0"), errors.featureNames().subList(0, 3));
      double[] scores = model.score(small).values();
      float[] reconstruction = model.reconstruct(small).orElseThrow().values();
      for (int r = 0; r < small.rows(); r++) {
        double sum = 0;
        for (int f = 0; f < errors.columns(); f++) {
          sum += errors.get(r, f);
          assertEquals(residual.of(small.value(r, f) - reconstruction[r * 32 + f]), errors.get(r, f),
              1e-6);
        }
        assertEquals(scores[r], sum / errors.columns(), 1e-9);
      }
    }
  }

  @Test
  void sameSeedGivesIdenticalScoresAndOtherSeedsDoNot() {
    LstmAutoencoderOptions o = new LstmAutoencoderOptions(null, List.of(8), null, null, null,
        Training.with().epochs(2).batchSize(16).validationSplit(0.2).dropout(0.1).options());
    Dataset train = WAVES.select(java.util.stream.IntStream.range(0, 60).toArray());
    double[] a = new LstmAutoencoder(o).fit(train, 5).score(WAVE_TEST).values();
    double[] b = new LstmAutoencoder(o).fit(train, 5).score(WAVE_TEST).values();
    double[] c = new LstmAutoencoder(o).fit(train, 6).score(WAVE_TEST).values();
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, c));
  }

  @Test
  void runsOnTheNativeEngineByDefaultOnDl4jOnRequestAndOnSeriesOnly() {
    assertEquals(Engine.NATIVE, new LstmAutoencoderOptions().training().engine());
    LstmAutoencoderOptions dl4j = new LstmAutoencoderOptions(null, List.of(4), null, null, null,
        Training.with().epochs(1).batchSize(16).engine(Engine.DL4J).options());
    assertEquals(Engine.DL4J, dl4j.training().engine());
    Dataset small = WAVES.select(new int[] {0, 1, 2, 3});
    assertEquals(4, new LstmAutoencoder(dl4j).fit(small, 1).score(small).size());
    Dataset images = Images.blobs("blobs", 4, 8, 0, 1);
    UserException u = assertThrows(UserException.class,
        () -> new LstmAutoencoder(new LstmAutoencoderOptions()).fit(images, 1));
    assertEquals("lstm_autoencoder takes series windows [steps, channels], but 'blobs' has images "
        + "4x4x1; use conv_autoencoder for images", u.getMessage());
  }

  @Test
  void theServiceFileRegistersIt() {
    assertInstanceOf(LstmAutoencoder.class, Registry.load().find(Detector.class, "lstm_autoencoder")
        .orElseThrow().create(new LstmAutoencoderOptions()));
  }
}

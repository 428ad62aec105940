package ad.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.models.baseline.IsolationForestDetector;
import ad.models.baseline.IsolationForestOptions;
import ad.models.conv.ConvAutoencoder;
import ad.models.conv.ConvAutoencoderOptions;
import ad.models.dense.DenoisingAutoencoder;
import ad.models.dense.DenoisingAutoencoderOptions;
import ad.models.dense.DenseAutoencoder;
import ad.models.dense.DenseAutoencoderOptions;
import ad.models.vae.VariationalAutoencoder;
import ad.models.network.Activation;
import ad.models.network.NoiseKind;
import ad.models.recon.Residual;
import ad.models.train.TrainingOptions;
import ad.models.vae.VaeScore;
import ad.models.vae.VariationalAutoencoderOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * reconstruct() gives what the reconstruction-error score is computed from: for every family whose
 * score is the mean squared reconstruction error, each row's score equals the mean squared
 * difference between the row and its reconstruction. The report's image grids rely on it.
 */
class ReconstructTest {
  private static final Dataset TRAIN = SaveLoadTest.table("train", 60, 6, 1);
  private static final Dataset TEST = SaveLoadTest.table("test", 25, 6, 2);
  private static final TrainingOptions TRAINING = Training.with().learningRate(1e-2).epochs(3)
      .batchSize(16).options();

  @Test
  void dense() {
    assertScoreIsReconstructionError(new DenseAutoencoder(new DenseAutoencoderOptions(
        List.of(4, 2, 4), null, Activation.IDENTITY, null, TRAINING)), TRAIN, TEST);
  }

  @Test
  void denseWithAbsoluteResidual() {
    assertScoreIsReconstructionError(new DenseAutoencoder(new DenseAutoencoderOptions(
        List.of(4, 2, 4), null, Activation.IDENTITY, Residual.ABSOLUTE, TRAINING)), TRAIN, TEST,
        true);
  }

  @Test
  void denoisingWithAbsoluteResidual() {
    assertScoreIsReconstructionError(new DenoisingAutoencoder(new DenoisingAutoencoderOptions(
        new DenseAutoencoderOptions(List.of(3), null, Activation.IDENTITY, Residual.ABSOLUTE,
            TRAINING), NoiseKind.MASKING, null, 0.3)), TRAIN, TEST, true);
  }

  @Test
  void denoising() {
    assertScoreIsReconstructionError(new DenoisingAutoencoder(new DenoisingAutoencoderOptions(
        new DenseAutoencoderOptions(List.of(3), null, Activation.IDENTITY, null, TRAINING),
        NoiseKind.MASKING, null, 0.3)), TRAIN, TEST);
  }

  @Test
  void variationalDecodedMean() {
    assertScoreIsReconstructionError(new VariationalAutoencoder(new VariationalAutoencoderOptions(
        List.of(5), 2, Activation.TANH, null, null, VaeScore.RECONSTRUCTION_ERROR, 4, TRAINING)),
        TRAIN, TEST);
  }

  @Test
  void convolutional() {
    Dataset images = SaveLoadTest.table("images", 20, 36, 3).withSampleShape(6, 6, 1);
    Dataset test = SaveLoadTest.table("test", 6, 36, 4).withSampleShape(6, 6, 1);
    assertScoreIsReconstructionError(new ConvAutoencoder(conv(null)), images, test);
  }

  @Test
  void convolutionalWithAbsoluteResidual() {
    Dataset images = SaveLoadTest.table("images", 20, 36, 3).withSampleShape(6, 6, 1);
    Dataset test = SaveLoadTest.table("test", 6, 36, 4).withSampleShape(6, 6, 1);
    assertScoreIsReconstructionError(new ConvAutoencoder(conv(Residual.ABSOLUTE)), images, test,
        true);
  }

  @Test
  void isolationForestHasNoReconstruction() {
    DetectorModel model = new IsolationForestDetector(new IsolationForestOptions(10, null, null, null, null))
        .fit(TRAIN, 1);
    assertTrue(model.reconstruct(TEST).isEmpty());
  }

  private static ConvAutoencoderOptions conv(Residual residual) {
    return new ConvAutoencoderOptions(null, List.of(3, 2), null, 3, 1, null, null, null, null, 1,
        residual, Training.with().learningRate(1e-2).epochs(2).batchSize(8).options());
  }

  private static void assertScoreIsReconstructionError(Detector detector, Dataset train, Dataset test) {
    assertScoreIsReconstructionError(detector, train, test, false);
  }

  /** {@code absolute}: the score is the mean absolute difference instead of the squared one. */
  private static void assertScoreIsReconstructionError(Detector detector, Dataset train, Dataset test,
      boolean absolute) {
    DetectorModel model = detector.fit(train, 7);
    Dataset reconstruction = model.reconstruct(test).orElseThrow();
    assertEquals(test.rows(), reconstruction.rows());
    assertEquals(test.columns(), reconstruction.columns());
    double[] scores = model.score(test).values();
    for (int r = 0; r < test.rows(); r++) {
      double sum = 0;
      for (int c = 0; c < test.columns(); c++) {
        double d = test.value(r, c) - reconstruction.value(r, c);
        sum += absolute ? Math.abs(d) : d * d;
      }
      double expected = sum / test.columns();
      assertEquals(expected, scores[r], 1e-5 * Math.max(1e-3, expected), "row " + r);
    }
  }
}

package ad.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.models.conv.ConvAutoencoder;
import ad.models.conv.ConvAutoencoderOptions;
import ad.models.conv.Images;
import ad.models.conv.Pooling;
import ad.models.conv.Upsampling;
import ad.models.dense.DenoisingAutoencoder;
import ad.models.dense.DenoisingAutoencoderOptions;
import ad.models.dense.DenseAutoencoder;
import ad.models.dense.DenseAutoencoderOptions;
import ad.models.dense.Manifold;
import ad.models.network.Activation;
import ad.models.vae.VariationalAutoencoder;
import ad.models.vae.VariationalAutoencoderOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Training without trimming ({@code trim: 0}, the default of every family but the dense ones) is the
 * training of the build before trimming existed (commit f759a23): the expected values below were
 * printed by that build, on this machine (AMD EPYC, OpenBLAS), for each native family with dropout,
 * a validation split and early stopping on. They are the same bits here; the tolerance only allows
 * another CPU's float rounding in OpenBLAS, far below what a changed gradient, loss or batch would
 * move (a changed scale moves these sums in the second digit).
 */
class UntrimmedTrainingTest {
  private static final Manifold SURFACE = new Manifold(12, 2, 5L);
  private static final Dataset TRAIN = SURFACE.sample("train", 300, 0, 1L);
  private static final Dataset TEST = SURFACE.sample("test", 40, 10, 2L);
  private static final Dataset IMAGES = Images.blobs("blobs", 8, 120, 0, 3L);
  private static final Dataset IMAGE_TEST = Images.blobs("blobs-test", 8, 20, 5, 4L);
  private static final double TOLERANCE = 1e-5;

  private static TrainingOptions training(int epochs) {
    return new TrainingOptions(3e-3, epochs, 16, 0.2, 2, 0.1, 1e-4, null, null);
  }

  @Test
  void denseTrainsAsBefore() {
    check(new DenseAutoencoder(new DenseAutoencoderOptions(List.of(8, 3, 8), null,
        Activation.IDENTITY, null, training(6))), TRAIN, TEST, 2.700688989706796,
        0.0233351753995521, 0.07497935031908451);
  }

  @Test
  void denoisingTrainsAsBefore() {
    check(new DenoisingAutoencoder(new DenoisingAutoencoderOptions(new DenseAutoencoderOptions(
        List.of(8, 3, 8), null, Activation.SIGMOID, null, training(6)), null, 0.05, null)), TRAIN, TEST, 2.221988702956956,
        0.021647995360884426, 0.05305732929330383);
  }

  @Test
  void variationalTrainsAsBefore() {
    check(new VariationalAutoencoder(new VariationalAutoencoderOptions(List.of(8), 2, null, null,
        null, null, 3, training(6))), TRAIN, TEST, 504.25087818948737,
        9.589004059237757, 10.39866604611525);
  }

  @Test
  void convTrainsAsBefore() {
    check(new ConvAutoencoder(new ConvAutoencoderOptions(null, List.of(4, 2), null, 3, 1,
        Pooling.MAX, Upsampling.NEAREST, null, null, 2, null, training(3))), IMAGES, IMAGE_TEST, 2.2346163541085335,
        0.04764594310227821, 0.09531199170841631);
  }

  private static void check(Detector detector, Dataset train, Dataset test, double scoreSum,
      double firstScore, double lastTrainLoss) {
    DetectorModel model = detector.fit(train, 17L);
    double[] scores = model.score(test).values();
    double sum = 0;
    for (double s : scores) {
      sum += s;
    }
    List<Double> loss = model.trainingHistory().orElseThrow().trainLoss();
    double last = loss.get(loss.size() - 1);
    assertEquals(scoreSum, sum, TOLERANCE * Math.abs(scoreSum), "sum of the test scores");
    assertEquals(firstScore, scores[0], TOLERANCE * Math.abs(firstScore), "first test score");
    assertEquals(lastTrainLoss, last, TOLERANCE * Math.abs(lastTrainLoss), "last epoch's loss");
  }
}

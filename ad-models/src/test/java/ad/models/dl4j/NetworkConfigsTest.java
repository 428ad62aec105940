package ad.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.models.train.TrainingOptions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The DL4J networks: each architecture maps rows to rows of the same size, a training step reports
 * the project's loss (mean squared error per feature, without the L2 penalty, whatever DL4J's own
 * normalisation), parameters round-trip, and copies compute the same.
 */
class NetworkConfigsTest {
  private static final TrainingOptions L2 = new TrainingOptions(1e-3, 1, 8, null, null, null, 0.01,
      null);

  @Test
  void denseReconstructsRowsOfItsWidth() {
    check(NetworkConfigs.dense(12, List.of(6, 3, 6), "relu", "sigmoid", L2, 1L), 12);
  }

  @Test
  void convImagesWithPoolingAndUpsampling() {
    check(NetworkConfigs.conv(8, 8, 1, false, shape(List.of(4, 2), 3, 1, true, false,
        null), L2, 1L), 64);
  }

  @Test
  void convOddImagesWithStridesAndTransposedConvolutionsCropBackToTheInput() {
    check(NetworkConfigs.conv(7, 9, 2, false, shape(List.of(4, 3), 3, 2, false, true,
        null), L2, 1L), 7 * 9 * 2);
  }

  @Test
  void convWithADenseCode() {
    check(NetworkConfigs.conv(7, 7, 1, false, shape(List.of(4), 3, 1, true, false, 5), L2,
        1L), 49);
  }

  @Test
  void convOnSeriesWindowsActsAlongTheStepsOnly() {
    check(NetworkConfigs.conv(1, 59, 3, true, shape(List.of(8, 4), 7, 2, false, true,
        null), L2, 1L), 59 * 3);
    check(NetworkConfigs.conv(1, 15, 2, true, shape(List.of(4), 3, 1, true, false, 3),
        L2, 1L), 30);
  }

  @Test
  void lstmReconstructsWindows() {
    check(NetworkConfigs.lstm(10, 3, List.of(8, 4), "tanh", "identity", L2, 1L), 30);
  }

  private static NetworkConfigs.ConvShape shape(List<Integer> filters, int kernel, int strides,
      boolean pool, boolean transposed, Integer code) {
    return new NetworkConfigs.ConvShape(filters, kernel, strides, pool, transposed, code, "relu",
        "identity");
  }

  private static void check(Dl4jNetwork net, int features) {
    assertEquals(features, net.layout().features());
    int count = 5;
    float[] rows = new float[count * features];
    Random random = new Random(3);
    for (int i = 0; i < rows.length; i++) {
      rows[i] = random.nextFloat();
    }
    float[] before = net.reconstruct(rows, count);
    assertEquals(rows.length, before.length);
    double mse = 0;
    for (int i = 0; i < rows.length; i++) {
      mse += (rows[i] - before[i]) * (double) (rows[i] - before[i]);
    }
    mse /= rows.length;
    // The step reports the loss it measured before updating: the error of `before`, per feature.
    double loss = net.fit(rows, rows, count);
    assertEquals(mse, loss, 1e-4 * mse, "reported loss");

    Dl4jNetwork copy = net.copy();
    assertArrayEquals(net.reconstruct(rows, count), copy.reconstruct(rows, count));
    float[] trained = net.parameters();
    copy.setParameters(before.length > 0 ? shifted(trained) : trained);
    copy.setParameters(trained);
    assertArrayEquals(net.reconstruct(rows, count), copy.reconstruct(rows, count));
    assertArrayEquals(trained, copy.parameters());
  }

  private static float[] shifted(float[] values) {
    float[] s = values.clone();
    for (int i = 0; i < s.length; i++) {
      s[i] += 0.5f;
    }
    return s;
  }
}

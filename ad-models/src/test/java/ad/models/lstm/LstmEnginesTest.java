package ad.models.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.models.dl4j.Dl4jEngine;
import ad.models.network.Activation;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.LstmArchitecture;
import ad.models.network.ParameterArray;
import ad.models.network.RowTrim;
import ad.models.network.TrainingStep;
import ad.models.nn.NativeEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The native LSTM autoencoder against the dl4j engine's, layer for layer: given DL4J's parameter
 * arrays (in order; only the keys differ) the native network reconstructs the same windows (gate
 * order, activations, the last step as the code, its repetition, the per-step output), takes the
 * same training steps (loss per value, Adam, L2 on the weights), and starts from weights of the
 * same distribution (Glorot-uniform with DL4J's fans, forget-gate bias 1).
 */
class LstmEnginesTest {
  private static final int STEPS = 6;
  private static final int CHANNELS = 3;

  @Test
  void sameReconstructionsFromTheSameArrays() {
    for (LstmArchitecture a : List.of(
        new LstmArchitecture(STEPS, CHANNELS, List.of(5, 3), Activation.TANH, Activation.IDENTITY,
            0),
        new LstmArchitecture(STEPS, CHANNELS, List.of(4), Activation.RELU, Activation.SIGMOID, 0),
        new LstmArchitecture(STEPS, CHANNELS, List.of(4), Activation.SOFTSIGN, Activation.TANH,
            0.2))) {
      AutoencoderNetwork dl4j = Dl4jEngine.INSTANCE.lstm(a, 3);
      AutoencoderNetwork nativeNet = NativeEngine.INSTANCE.lstm(a, 0);
      nativeNet.setParameters(renamed(dl4j.parameters(), nativeNet.parameters()));
      // More windows than the native engine's scoring slice (64), fewer than a scoring batch.
      int count = 150;
      float[] rows = windows(count, 5);
      float[] expected = dl4j.reconstructor().reconstruct(rows, count).clone();
      float[] actual = nativeNet.reconstructor().reconstruct(rows, count);
      assertClose(expected, actual, count * STEPS * CHANNELS, 2e-5, a.toString());
    }
  }

  @Test
  void sameTrainingStepsFromTheSameArrays() {
    LstmArchitecture a = new LstmArchitecture(STEPS, CHANNELS, List.of(5, 3), Activation.TANH,
        Activation.IDENTITY, 0);
    AutoencoderNetwork dl4j = Dl4jEngine.INSTANCE.lstm(a, 4);
    AutoencoderNetwork nativeNet = NativeEngine.INSTANCE.lstm(a, 0);
    nativeNet.setParameters(renamed(dl4j.parameters(), nativeNet.parameters()));
    TrainingStep dl4jStep = dl4j.trainer(1e-2, 1e-2, 16, RowTrim.NONE, 1);
    TrainingStep nativeStep = nativeNet.trainer(1e-2, 1e-2, 16, RowTrim.NONE, 1);
    float[] rows = windows(16 * 8, 6);
    for (int b = 0; b < 8; b++) {
      float[] batch = java.util.Arrays.copyOfRange(rows, b * 16 * STEPS * CHANNELS,
          (b + 1) * 16 * STEPS * CHANNELS);
      double expected = dl4jStep.trainBatch(batch, 16);
      double actual = nativeStep.trainBatch(batch, 16);
      assertEquals(expected, actual, 1e-3 * expected, "loss of step " + b);
    }
    List<ParameterArray> trained = dl4j.parameters();
    List<ParameterArray> nativeTrained = nativeNet.parameters();
    for (int i = 0; i < trained.size(); i++) {
      // Eight Adam steps of 0.01 move a weight by up to 0.08: the engines agree far closer.
      assertClose(trained.get(i).values(), nativeTrained.get(i).values(),
          trained.get(i).values().length, 2e-3, nativeTrained.get(i).key());
    }
  }

  @Test
  void initialWeightsOfTheSameDistribution() {
    LstmArchitecture a = new LstmArchitecture(STEPS, 20, List.of(60, 30), Activation.TANH,
        Activation.IDENTITY, 0);
    List<ParameterArray> dl4j = Dl4jEngine.INSTANCE.lstm(a, 5).parameters();
    List<ParameterArray> nativeArrays = NativeEngine.INSTANCE.lstm(a, 5).parameters();
    assertEquals(dl4j.size(), nativeArrays.size());
    for (int i = 0; i < dl4j.size(); i++) {
      float[] expected = dl4j.get(i).values();
      float[] actual = nativeArrays.get(i).values();
      String key = nativeArrays.get(i).key();
      assertEquals(expected.length, actual.length, key);
      if (key.endsWith("biases")) {
        assertArrayEquals(expected, actual, key + ": zeros, and ones for the forget gate");
      } else {
        double ratio = max(actual) / max(expected);
        double spread = rms(actual) / rms(expected);
        assertTrue(Math.abs(ratio - 1) < 0.05 && Math.abs(spread - 1) < 0.1,
            key + ": bound ratio " + ratio + ", rms ratio " + spread);
      }
    }
  }

  /** DL4J's arrays under the native engine's keys, in the (common) order. */
  private static List<ParameterArray> renamed(List<ParameterArray> values,
      List<ParameterArray> keys) {
    assertEquals(keys.size(), values.size(), "arrays");
    List<ParameterArray> arrays = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      assertEquals(keys.get(i).values().length, values.get(i).values().length,
          keys.get(i).key() + " vs " + values.get(i).key());
      arrays.add(new ParameterArray(keys.get(i).key(), values.get(i).values()));
    }
    return arrays;
  }

  private static float[] windows(int count, long seed) {
    Random random = new Random(seed);
    float[] rows = new float[count * STEPS * CHANNELS];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (float) random.nextGaussian();
    }
    return rows;
  }

  private static void assertClose(float[] expected, float[] actual, int n, double tolerance,
      String what) {
    for (int i = 0; i < n; i++) {
      assertEquals(expected[i], actual[i], tolerance, what + " value " + i);
    }
  }

  private static double max(float[] values) {
    double m = 0;
    for (float v : values) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static double rms(float[] values) {
    double s = 0;
    for (float v : values) {
      s += (double) v * v;
    }
    return Math.sqrt(s / values.length);
  }
}

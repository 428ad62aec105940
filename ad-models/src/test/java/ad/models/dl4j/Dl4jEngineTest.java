package ad.models.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ad.models.conv.ConvAutoencoderOptions;
import ad.models.conv.Pooling;
import ad.models.conv.Upsampling;
import ad.models.network.RowTrim;
import ad.models.network.Activation;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.DenseArchitecture;
import ad.models.network.InputLayout;
import ad.models.network.LstmArchitecture;
import ad.models.network.ParameterArray;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The DL4J engine's autoencoders, from the engine-neutral architectures: each maps rows to rows of
 * the same width; a training step reports the project's loss (the mean squared error per value of
 * the reconstruction it starts from, without the L2 penalty, whatever DL4J's own normalisation); the
 * parameter arrays round-trip into a network built with another seed; copies compute the same.
 */
class Dl4jEngineTest {
  private static final double L2 = 0.01;

  @Test
  void denseAutoencoder() {
    check(seed -> Dl4jEngine.INSTANCE.dense(new DenseArchitecture(12, List.of(6, 3, 6),
        Activation.RELU, Activation.SIGMOID, 0, null), seed), 12);
  }

  @Test
  void convOnImagesWithPoolingAndNearestUpsampling() {
    checkConv(new InputLayout(8, 8, 1, false), List.of(4, 2), null, 3, 1, Pooling.MAX,
        Upsampling.NEAREST);
  }

  @Test
  void convOnOddImagesWithStridesAndTransposedConvolutionsCropsBackToTheInput() {
    checkConv(new InputLayout(7, 9, 2, false), List.of(4, 3), null, 3, 2, Pooling.NONE,
        Upsampling.TRANSPOSED);
    checkConv(new InputLayout(7, 5, 1, false), List.of(3), null, 3, 1, Pooling.MAX,
        Upsampling.NEAREST);
  }

  @Test
  void convWithADenseCode() {
    checkConv(new InputLayout(7, 7, 1, false), List.of(4), 5, 3, 1, Pooling.MAX,
        Upsampling.NEAREST);
  }

  @Test
  void convOnSeriesWindows() {
    checkConv(new InputLayout(1, 59, 3, true), List.of(8, 4), null, 7, 2, Pooling.NONE,
        Upsampling.TRANSPOSED);
    checkConv(new InputLayout(1, 15, 2, true), List.of(4), 3, 3, 1, Pooling.MAX,
        Upsampling.NEAREST);
  }

  @Test
  void lstmOnSeriesWindows() {
    check(seed -> Dl4jEngine.INSTANCE.lstm(new LstmArchitecture(10, 3, List.of(8, 4),
        Activation.TANH, Activation.IDENTITY, 0), seed), 30);
  }

  @Test
  void parametersOfAnotherArchitectureAreRefusedNamingTheArray() {
    AutoencoderNetwork small = Dl4jEngine.INSTANCE.dense(new DenseArchitecture(12, List.of(4),
        Activation.RELU, Activation.SIGMOID, 0, null), 1L);
    AutoencoderNetwork large = Dl4jEngine.INSTANCE.dense(new DenseArchitecture(12, List.of(5),
        Activation.RELU, Activation.SIGMOID, 0, null), 1L);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> large.setParameters(small.parameters()));
    assertEquals("parameter array 1 is 'layer0/weights' (48 values), the network's is "
        + "'layer0/weights' (60)", e.getMessage());
  }

  private static void checkConv(InputLayout layout, List<Integer> filters, Integer code,
      int kernel, int strides, Pooling pooling, Upsampling upsampling) {
    ConvAutoencoderOptions options = new ConvAutoencoderOptions(null, filters, code, kernel,
        strides, pooling, upsampling, Activation.RELU, Activation.IDENTITY, 1, null, null);
    check(seed -> Dl4jEngine.INSTANCE.conv(options.architecture(layout), seed), layout.features());
  }

  private static void check(LongFunction<AutoencoderNetwork> build, int features) {
    AutoencoderNetwork net = build.apply(1L);
    assertEquals(features, net.columns());
    int count = 5;
    float[] rows = new float[count * features];
    Random random = new Random(3);
    for (int i = 0; i < rows.length; i++) {
      rows[i] = random.nextFloat();
    }
    float[] before = net.reconstructor().reconstruct(rows, count).clone();
    assertEquals(rows.length, before.length);
    double mse = 0;
    for (int i = 0; i < rows.length; i++) {
      mse += (rows[i] - before[i]) * (double) (rows[i] - before[i]);
    }
    mse /= rows.length;
    assertEquals(mse, net.trainer(1e-3, L2, count, RowTrim.NONE, 7L).trainBatch(rows, count),
        1e-4 * mse,
        "the step reports the error of the reconstruction it starts from, per value");

    float[] trained = net.reconstructor().reconstruct(rows, count).clone();
    AutoencoderNetwork loaded = build.apply(0L);
    List<ParameterArray> arrays = net.parameters();
    loaded.setParameters(arrays);
    assertArrayEquals(trained, loaded.reconstructor().reconstruct(rows, count));
    assertEquals(arrays.stream().map(ParameterArray::key).toList(),
        loaded.parameters().stream().map(ParameterArray::key).toList());

    float[] snapshot = net.snapshot();
    net.trainer(1e-2, 0, count, RowTrim.NONE, 8L).trainBatch(rows, count);
    net.restore(snapshot);
    assertArrayEquals(trained, net.reconstructor().reconstruct(rows, count));
  }
}

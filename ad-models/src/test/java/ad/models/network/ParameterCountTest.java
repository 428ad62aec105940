package ad.models.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.models.conv.ConvAutoencoderOptions;
import ad.models.conv.Pooling;
import ad.models.conv.Upsampling;
import ad.models.dl4j.Dl4jEngine;
import ad.models.nn.NativeEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each architecture counts exactly the parameters each engine builds for it, so the memory check
 * before training ({@code TrainingMemory}) works from the real count; and a count beyond a long says
 * so instead of wrapping around.
 */
class ParameterCountTest {

  @Test
  void denseAndDenoising() {
    for (DenseArchitecture a : List.of(
        new DenseArchitecture(12, List.of(6, 3, 6), Activation.RELU, Activation.SIGMOID, 0, null),
        new DenseArchitecture(21, List.of(32, 8, 32), Activation.TANH, Activation.IDENTITY, 0.1,
            new InputNoise(NoiseKind.GAUSSIAN, 0.1)))) {
      assertEquals(count(NativeEngine.INSTANCE.dense(a, 1L)), a.parameterCount(), a.toString());
      assertEquals(count(Dl4jEngine.INSTANCE.dense(a, 1L)), a.parameterCount(), a.toString());
    }
    assertEquals(12 * 6 + 6 + 6 * 12 + 12, new DenseArchitecture(12, List.of(6), Activation.RELU,
        Activation.SIGMOID, 0, null).parameterCount());
  }

  @Test
  void convOnImagesAndSeriesWithAndWithoutACode() {
    List<ConvArchitecture> all = new ArrayList<>();
    all.add(conv(new InputLayout(8, 8, 1, false), List.of(4, 2), null, 3, 1, Pooling.MAX, Upsampling.NEAREST));
    all.add(conv(new InputLayout(7, 9, 2, false), List.of(4, 3), null, 3, 2, Pooling.NONE, Upsampling.TRANSPOSED));
    all.add(conv(new InputLayout(7, 7, 1, false), List.of(4), 5, 3, 1, Pooling.MAX, Upsampling.NEAREST));
    all.add(conv(new InputLayout(1, 59, 3, true), List.of(8, 4), null, 7, 2, Pooling.NONE, Upsampling.TRANSPOSED));
    for (ConvArchitecture a : all) {
      assertEquals(count(NativeEngine.INSTANCE.conv(a, 1L)), a.parameterCount(), a.toString());
      assertEquals(count(Dl4jEngine.INSTANCE.conv(a, 1L)), a.parameterCount(), a.toString());
    }
  }

  @Test
  void variationalWithEitherLikelihood() {
    for (Likelihood likelihood : Likelihood.values()) {
      VaeArchitecture a = new VaeArchitecture(12, List.of(6, 4), 2, Activation.RELU, likelihood, 1.0, 0);
      assertEquals(count(NativeEngine.INSTANCE.variational(a, 1L)), a.parameterCount(), a.toString());
      // DL4J's Bernoulli decoder has no log-variances; the native engine holds them unused.
      long unused = likelihood == Likelihood.BERNOULLI ? a.columns() : 0;
      assertEquals(count(Dl4jEngine.INSTANCE.variational(a, 1L)), a.parameterCount() - unused, a.toString());
    }
  }

  @Test
  void lstmOnDl4j() {
    LstmArchitecture a = new LstmArchitecture(10, 3, List.of(8, 4), Activation.TANH, Activation.IDENTITY, 0);
    assertEquals(count(Dl4jEngine.INSTANCE.lstm(a, 1L)), a.parameterCount());
  }

  @Test
  void aCountBeyondALongSaysSoInsteadOfWrappingAround() {
    DenseArchitecture huge = new DenseArchitecture(Integer.MAX_VALUE, List.of(Integer.MAX_VALUE, Integer.MAX_VALUE,
        Integer.MAX_VALUE), Activation.RELU, Activation.SIGMOID, 0, null);
    assertEquals(Long.MAX_VALUE, huge.parameterCount());
    assertTrue(new DenseArchitecture(100_000, List.of(100_000), Activation.RELU, Activation.SIGMOID, 0, null)
        .parameterCount() > Integer.MAX_VALUE);
  }

  private static ConvArchitecture conv(InputLayout layout, List<Integer> filters, Integer code, int kernel,
      int strides, Pooling pooling, Upsampling upsampling) {
    return new ConvAutoencoderOptions(null, filters, code, kernel, strides, pooling, upsampling, Activation.RELU,
        Activation.IDENTITY, 1, null, null).architecture(layout);
  }

  private static long count(Network network) {
    return network.parameters().stream().mapToLong(p -> p.values().length).sum();
  }
}

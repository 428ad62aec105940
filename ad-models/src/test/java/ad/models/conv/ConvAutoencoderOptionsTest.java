package ad.models.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.registry.OptionException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConvAutoencoderOptionsTest {

  @Test
  void defaults() {
    ConvAutoencoderOptions o = ConvAutoencoderOptions.defaults();
    assertEquals(null, o.inputShape());
    assertEquals(List.of(16, 8), o.filters());
    assertEquals(3, o.kernelSize());
    assertEquals(1, o.strides());
    assertEquals("max", o.pooling());
    assertEquals("nearest", o.upsampling());
    assertEquals("relu", o.activation());
    assertEquals("sigmoid", o.outputActivation());
    assertEquals(1e-3, o.learningRate());
    assertEquals(20, o.epochs());
    assertEquals(64, o.batchSize());
    assertEquals(0.0, o.validationSplit());
    assertEquals(0, o.patience());
    assertEquals(2, o.threads());
    assertEquals(null, o.codeSize());
  }

  @Test
  void codeSizeMustBePositive() {
    assertEquals(32, ConvAutoencoderOptions.defaults().withCodeSize(32).codeSize());
    for (int bad : new int[] {0, -4}) {
      OptionException e = assertThrows(OptionException.class,
          () -> ConvAutoencoderOptions.defaults().withCodeSize(bad));
      assertEquals("code_size", e.field());
      assertTrue(e.getMessage().contains("must be a positive integer, got " + bad), e.getMessage());
    }
  }

  @Test
  void badValuesNameTheirKey() {
    assertKey("filters", () -> with(List.of(), 3, 1, "max", "nearest", "relu", null, null));
    assertKey("filters", () -> with(List.of(8, 0), 3, 1, "max", "nearest", "relu", null, null));
    assertKey("kernel_size", () -> with(null, 0, 1, "max", "nearest", "relu", null, null));
    assertKey("strides", () -> with(null, 3, -1, "max", "nearest", "relu", null, null));
    assertKey("pooling", () -> with(null, 3, 1, "avg", "nearest", "relu", null, null));
    assertKey("upsampling", () -> with(null, 3, 1, "max", "bilinear", "relu", null, null));
    assertKey("activation", () -> with(null, 3, 1, "max", "nearest", "swish", null, null));
    assertKey("input_shape", () -> with(null, 3, 1, "max", "nearest", "relu", List.of(784), null));
    assertKey("input_shape", () -> with(null, 3, 1, "max", "nearest", "relu", List.of(28, 0, 1),
        null));
    assertKey("patience", () -> with(null, 3, 1, "max", "nearest", "relu", null, 3));
    assertKey("threads", () -> new ConvAutoencoderOptions(null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, 0));
    assertKey("dropout", () -> new ConvAutoencoderOptions(null, null, null, null, null, null, null,
        null, null, null, null, null, null, 1.0, null, null, null));
  }

  @Test
  void namesAreCaseInsensitive() {
    assertEquals("relu", with(null, 3, 1, "MAX", "Nearest", "ReLU", null, null).activation());
  }

  private static ConvAutoencoderOptions with(List<Integer> filters, int kernel, int strides,
      String pooling, String upsampling, String activation, List<Integer> inputShape,
      Integer patience) {
    return new ConvAutoencoderOptions(inputShape, filters, kernel, strides, pooling, upsampling,
        activation, null, null, null, null, null, patience, null, null, null, null);
  }

  private static void assertKey(String key, Supplier<ConvAutoencoderOptions> build) {
    OptionException e = assertThrows(OptionException.class, build::get);
    assertEquals(key, e.field(), e.getMessage());
  }
}

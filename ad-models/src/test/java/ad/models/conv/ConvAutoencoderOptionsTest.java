package ad.models.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.registry.OptionException;
import ad.models.Training;
import ad.models.network.Activation;
import ad.models.network.Engine;
import ad.models.recon.Residual;
import ad.models.train.TrainingOptions;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConvAutoencoderOptionsTest {

  @Test
  void defaults() {
    ConvAutoencoderOptions o = new ConvAutoencoderOptions();
    assertEquals(null, o.inputShape());
    assertEquals(List.of(16, 8), o.filters());
    assertEquals(3, o.kernelSize());
    assertEquals(1, o.strides());
    assertEquals(Pooling.MAX, o.pooling());
    assertEquals(Upsampling.NEAREST, o.upsampling());
    assertEquals(Activation.RELU, o.activation());
    assertEquals(Activation.SIGMOID, o.outputActivation());
    assertEquals(2, o.threads());
    assertEquals(null, o.codeSize());
    assertEquals(Residual.SQUARED, o.residual());
    TrainingOptions t = o.training();
    assertEquals(1e-3, t.learningRate());
    assertEquals(0.0, t.validationSplit());
    assertEquals(0, t.patience());
    assertEquals(Engine.NATIVE, t.engine());
  }

  /** Conv nets train fewer, larger batches by default; a value given still wins. */
  @Test
  void theFamilysOwnTrainingDefaults() {
    assertEquals(20, new ConvAutoencoderOptions().training().epochs());
    assertEquals(64, new ConvAutoencoderOptions().training().batchSize());
    ConvAutoencoderOptions given = with(null, Training.with().epochs(3).options());
    assertEquals(3, given.training().epochs());
    assertEquals(64, given.training().batchSize());
  }

  @Test
  void codeSizeMustBePositive() {
    for (int bad : new int[] {0, -4}) {
      OptionException e = assertThrows(OptionException.class,
          () -> new ConvAutoencoderOptions(null, null, bad, null, null, null, null, null, null, null,
              null, null));
      assertEquals("code_size", e.field());
      assertTrue(e.getMessage().contains("must be a positive integer, got " + bad), e.getMessage());
    }
  }

  @Test
  void badValuesNameTheirKey() {
    assertKey("filters", () -> with(List.of(), null));
    assertKey("filters", () -> with(List.of(8, 0), null));
    assertKey("kernel_size", () -> new ConvAutoencoderOptions(null, null, null, 0, null, null, null,
        null, null, null, null, null));
    assertKey("strides", () -> new ConvAutoencoderOptions(null, null, null, null, -1, null, null,
        null, null, null, null, null));
    assertKey("input_shape", () -> new ConvAutoencoderOptions(List.of(784), null, null, null, null,
        null, null, null, null, null, null, null));
    assertKey("input_shape", () -> new ConvAutoencoderOptions(List.of(28, 0, 1), null, null, null,
        null, null, null, null, null, null, null, null));
    assertKey("patience", () -> with(null, Training.with().patience(3).options()));
    assertKey("threads", () -> new ConvAutoencoderOptions(null, null, null, null, null, null, null,
        null, null, 0, null, null));
    assertKey("dropout", () -> with(null, Training.with().dropout(1.0).options()));
  }

  private static ConvAutoencoderOptions with(List<Integer> filters, TrainingOptions training) {
    return new ConvAutoencoderOptions(null, filters, null, null, null, null, null, null, null, null,
        null, training);
  }

  private static void assertKey(String key, Supplier<ConvAutoencoderOptions> build) {
    OptionException e = assertThrows(OptionException.class, build::get);
    assertEquals(key, e.field(), e.getMessage());
  }
}

package ad.models.dense;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.registry.OptionException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenseAutoencoderOptionsTest {

  @Test
  void nullsTakeTheDefaults() {
    DenseAutoencoderOptions o = DenseAutoencoderOptions.of(32, 16, 32);
    assertEquals(List.of(32, 16, 32), o.hiddenLayers());
    assertEquals("relu", o.activation());
    assertEquals("sigmoid", o.outputActivation());
    assertEquals(1e-3, o.learningRate());
    assertEquals(50, o.epochs());
    assertEquals(32, o.batchSize());
    assertEquals(0.0, o.validationSplit());
    assertEquals(0, o.patience());
    assertEquals(0.0, o.dropout());
    assertEquals(0.0, o.l2());
    assertEquals(true, o.shuffle());
  }

  @Test
  void activationNamesAreCaseInsensitive() {
    assertEquals("leakyrelu", with("activation", "LeakyReLU").activation());
  }

  @Test
  void everyActivationNameMapsToTheEngine() {
    for (String name : DenseAutoencoderOptions.ACTIVATIONS) {
      assertDoesNotThrow(() -> ad.models.engine.Activation.named(name), name);
    }
  }

  @Test
  void badValuesNameTheirYamlKey() {
    assertKey("learning_rate", () -> with("learning_rate", -0.1));
    assertKey("learning_rate", () -> with("learning_rate", 0.0));
    assertKey("epochs", () -> with("epochs", 0));
    assertKey("batch_size", () -> with("batch_size", -1));
    assertKey("validation_split", () -> with("validation_split", 1.0));
    assertKey("dropout", () -> with("dropout", 1.0));
    assertKey("l2", () -> with("l2", -1e-4));
    assertKey("patience", () -> with("patience", -1));
    assertKey("activation", () -> with("activation", "softmax"));
    assertKey("output_activation", () -> with("output_activation", "linear"));
  }

  @Test
  void residualIsSquaredByDefaultOrAbsolute() {
    assertEquals("squared", DenseAutoencoderOptions.of(4).residual());
    assertEquals("absolute", new DenseAutoencoderOptions(List.of(4), null, null, null, null, null,
        null, null, null, null, null, "Absolute").residual());
    OptionException e = assertThrows(OptionException.class, () -> new DenseAutoencoderOptions(
        List.of(4), null, null, null, null, null, null, null, null, null, null, "cubed"));
    assertEquals("residual", e.field());
    assertTrue(e.getMessage().contains("absolute"), e.getMessage());
  }

  @Test
  void hiddenLayersAreRequiredAndPositive() {
    assertKey("hidden_layers", () -> new DenseAutoencoderOptions(null, null, null, null, null, null,
        null, null, null, null, null));
    assertKey("hidden_layers", () -> DenseAutoencoderOptions.of());
    assertKey("hidden_layers", () -> DenseAutoencoderOptions.of(10, 0, 10));
    assertKey("hidden_layers", () -> new DenseAutoencoderOptions(Arrays.asList(10, null), null, null,
        null, null, null, null, null, null, null, null));
  }

  @Test
  void patienceNeedsAValidationSplit() {
    OptionException e = assertThrows(OptionException.class, () -> with("patience", 5));
    assertEquals("patience", e.field());
    assertTrue(e.getMessage().contains("validation_split"), e.getMessage());
    assertDoesNotThrow(() -> new DenseAutoencoderOptions(List.of(4), null, null, null, null, null,
        0.2, 5, null, null, null));
  }

  private static void assertKey(String key, Runnable build) {
    OptionException e = assertThrows(OptionException.class, build::run);
    assertEquals(key, e.field(), e.getMessage());
  }

  /** The defaults with hidden_layers [4] and one option set, named by its YAML key. */
  private static DenseAutoencoderOptions with(String key, Object value) {
    return new DenseAutoencoderOptions(List.of(4),
        (String) (key.equals("activation") ? value : null),
        (String) (key.equals("output_activation") ? value : null),
        (Double) (key.equals("learning_rate") ? value : null),
        (Integer) (key.equals("epochs") ? value : null),
        (Integer) (key.equals("batch_size") ? value : null),
        (Double) (key.equals("validation_split") ? value : null),
        (Integer) (key.equals("patience") ? value : null),
        (Double) (key.equals("dropout") ? value : null),
        (Double) (key.equals("l2") ? value : null),
        null);
  }
}

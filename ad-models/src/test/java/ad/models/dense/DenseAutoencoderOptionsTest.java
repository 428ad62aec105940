package ad.models.dense;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.registry.OptionException;
import ad.models.Training;
import ad.models.ensemble.Combine;
import ad.models.ensemble.EnsembleOptions;
import ad.models.ensemble.Standardisation;
import ad.models.network.Activation;
import ad.models.network.Engine;
import ad.models.recon.Residual;
import ad.models.train.TrainingOptions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenseAutoencoderOptionsTest {

  @Test
  void nullsTakeTheDefaults() {
    DenseAutoencoderOptions o = new DenseAutoencoderOptions(List.of(32, 16, 32));
    assertEquals(List.of(32, 16, 32), o.hiddenLayers());
    assertEquals(Activation.RELU, o.activation());
    assertEquals(Activation.IDENTITY, o.outputActivation());
    assertEquals(Residual.SQUARED, o.residual());
    assertEquals(DenseAutoencoderOptions.TRAINING_DEFAULTS, o.training());
    TrainingOptions t = o.training();
    assertEquals(1e-3, t.learningRate());
    assertEquals(60, t.epochs());
    assertEquals(64, t.batchSize());
    assertEquals(0.0, t.validationSplit());
    assertEquals(0, t.patience());
    assertEquals(0.0, t.dropout());
    assertEquals(0.0, t.l2());
    assertEquals(0.2, t.trim());
    assertEquals(true, t.shuffle());
    assertEquals(Engine.NATIVE, t.engine());
    // An ensemble of 20, each member on at most 1,024 rows, standardised robustly, by the mean.
    assertEquals(new EnsembleOptions(20, Combine.MEAN, 1024, 1.0, Standardisation.ROBUST),
        o.ensemble());
    // The constructor that existed before ensembles and trimming keeps one untrimmed network.
    DenseAutoencoderOptions plain = new DenseAutoencoderOptions(List.of(4), null, null, null,
        new TrainingOptions(null, null, null, null, null, null, null, null, null));
    assertEquals(EnsembleOptions.SINGLE, plain.ensemble());
    assertEquals(0.0, plain.training().trim());
    assertEquals(Activation.SIGMOID, plain.outputActivation());
    assertEquals(TrainingOptions.DEFAULTS, plain.training());
    assertEquals(TrainingOptions.DEFAULTS, new TrainingOptions());
  }

  @Test
  void badValuesNameTheirYamlKey() {
    assertKey("learning_rate", () -> Training.with().learningRate(-0.1).options());
    assertKey("learning_rate", () -> Training.with().learningRate(0.0).options());
    assertKey("epochs", () -> Training.with().epochs(0).options());
    assertKey("batch_size", () -> Training.with().batchSize(-1).options());
    assertKey("validation_split", () -> Training.with().validationSplit(1.0).options());
    assertKey("dropout", () -> Training.with().dropout(1.0).options());
    assertKey("l2", () -> Training.with().l2(-1e-4).options());
    assertKey("patience", () -> Training.with().patience(-1).options());
  }

  @Test
  void hiddenLayersArePositiveAndDerivedFromTheWidthWhenNotGiven() {
    assertEquals(List.of(8, 2, 8), new DenseAutoencoderOptions(null).architecture(8, null)
        .hidden());
    // c = max(2, ceil(d / 4)), h = max(2c, min(64, d)).
    assertEquals(List.of(4, 2, 4), DenseAutoencoderOptions.derivedHidden(3));
    assertEquals(List.of(84, 42, 84), DenseAutoencoderOptions.derivedHidden(166));
    assertEquals(List.of(64, 25, 64), DenseAutoencoderOptions.derivedHidden(100));
    assertKey("hidden_layers", () -> new DenseAutoencoderOptions(List.of()));
    assertKey("hidden_layers", () -> new DenseAutoencoderOptions(List.of(10, 0, 10)));
    assertKey("hidden_layers", () -> new DenseAutoencoderOptions(Arrays.asList(10, null)));
  }

  @Test
  void patienceNeedsAValidationSplit() {
    OptionException e = assertThrows(OptionException.class, () -> new DenseAutoencoderOptions(
        List.of(4), null, null, null, Training.with().patience(5).options()));
    assertEquals("patience", e.field());
    assertTrue(e.getMessage().contains("validation_split"), e.getMessage());
    assertDoesNotThrow(() -> new DenseAutoencoderOptions(List.of(4), null, null, null,
        Training.with().validationSplit(0.2).patience(5).options()));
  }

  /** {@code engine: dl4j} gives the DeepLearning4J engine. */
  @Test
  void theDl4jEngineIsBuiltIn() {
    DenseAutoencoderOptions o = new DenseAutoencoderOptions(List.of(4), null, null, null,
        Training.with().engine(Engine.DL4J).options());
    assertDoesNotThrow(() -> new DenseAutoencoder(o));
    assertSame(ad.models.dl4j.Dl4jEngine.INSTANCE, o.training().engine().implementation());
  }

  private static void assertKey(String key, Runnable build) {
    OptionException e = assertThrows(OptionException.class, build::run);
    assertEquals(key, e.field(), e.getMessage());
  }
}

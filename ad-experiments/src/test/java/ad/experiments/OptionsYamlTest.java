package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.registry.Registry;
import ad.eval.io.Json;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecException;
import ad.eval.spec.SpecReader;
import ad.models.conv.ConvAutoencoder;
import ad.models.conv.Pooling;
import ad.models.dense.DenoisingAutoencoder;
import ad.models.dense.DenseAutoencoder;
import ad.models.lstm.LstmAutoencoder;
import ad.models.network.Activation;
import ad.models.network.Engine;
import ad.models.network.NoiseKind;
import ad.models.recon.Residual;
import ad.models.vae.VariationalAutoencoder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The autoencoders' options as users write them: the shared training options are flat keys beside
 * the family's own (one record, unwrapped), values such as activations are enums matched ignoring
 * case, and every mistake is still located with its line and column: an unknown key (with the
 * closest valid one), a value outside an enum.
 */
class OptionsYamlTest {
  private static final String SPEC = """
      name: t
      datasets:
        - {name: g, type: synthetic, dimensions: 4, normal: {count: 20}, anomalies: {count: 2}}
      detectors:
        - name: dense
          type: dense_autoencoder
          hidden_layers: [3]
          activation: LeakyReLU
          learning_rate: 0.01
          residual: absolute
        - name: noisy
          type: denoising_autoencoder
          hidden_layers: [3]
          noise: masking
          mask_fraction: 0.3
          epochs: 7
        - name: vae
          type: variational_autoencoder
          hidden_layers: [3]
          score: negative_elbo
          engine: native
        - name: conv
          type: conv_autoencoder
          pooling: NONE
      """;

  private static ExperimentSpec read(String yaml) {
    return new SpecReader(Registry.load()).read(Path.of("x.yaml"), yaml);
  }

  private static SpecException error(String yaml) {
    return assertThrows(SpecException.class, () -> read(yaml));
  }

  @Test
  void flatKeysBindToTheSharedTrainingOptions() {
    ExperimentSpec spec = read(SPEC);
    var dense = ((DenseAutoencoder) spec.detectors().get(0).instance()).options();
    assertEquals(Activation.LEAKYRELU, dense.activation());
    assertEquals(0.01, dense.training().learningRate());
    assertEquals(Residual.ABSOLUTE, dense.residual());
    assertEquals(Engine.NATIVE, dense.training().engine());
    var noisy = ((DenoisingAutoencoder) spec.detectors().get(1).instance()).options();
    assertEquals(NoiseKind.MASKING, noisy.noise());
    assertEquals(7, noisy.autoencoder().training().epochs());
    var vae = ((VariationalAutoencoder) spec.detectors().get(2).instance()).options();
    assertEquals(50, vae.training().epochs());
    var conv = ((ConvAutoencoder) spec.detectors().get(3).instance()).options();
    assertEquals(Pooling.NONE, conv.pooling());
    assertEquals(20, conv.training().epochs(), "conv's own default");
    assertEquals(64, conv.training().batchSize(), "conv's own default");
  }

  /**
   * The resolved options as results.json and a model file's manifest keep them: flat keys, lower-case
   * values, every default filled in; and they read back to the same options.
   */
  @Test
  void resolvedOptionsAreFlatAndReadBack() throws Exception {
    ExperimentSpec spec = read(SPEC);
    for (var detector : spec.detectors()) {
      Object options = detector.options();
      Map<String, Object> json = Json.MAPPER.convertValue(options, Json.MAP);
      assertEquals("native", json.get("engine"), detector.name() + ": " + json);
      assertTrue(json.containsKey("learning_rate") && !json.containsKey("training"),
          detector.name() + ": " + json);
      assertEquals(options, Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(options),
          options.getClass()), detector.name());
    }
    Map<String, Object> dense = Json.MAPPER.convertValue(spec.detectors().get(0).options(),
        Json.MAP);
    assertEquals("leakyrelu", dense.get("activation"));
    assertEquals("absolute", dense.get("residual"));
  }

  @Test
  void aMisspeltTrainingKeyIsNamedWithItsLineAndTheClosestKey() {
    SpecException e = error(SPEC.replace("learning_rate: 0.01", "learnin_rate: 0.01"));
    assertEquals(9, e.line());
    assertEquals(5, e.column());
    assertTrue(e.getMessage().contains("unknown key 'learnin_rate' for detector type "
        + "'dense_autoencoder' (did you mean 'learning_rate'?)"), e.getMessage());
    assertTrue(e.getMessage().contains("engine") && e.getMessage().contains("hidden_layers"),
        "the valid keys list the flattened ones: " + e.getMessage());
    e = error(SPEC.replace("mask_fraction: 0.3", "mask_fractoin: 0.3"));
    assertEquals(15, e.line());
    assertTrue(e.getMessage().contains("did you mean 'mask_fraction'?"), e.getMessage());
    e = error(SPEC.replace("epochs: 7", "epoch: 7"));
    assertTrue(e.getMessage().contains("unknown key 'epoch' for detector type "
        + "'denoising_autoencoder' (did you mean 'epochs'?)"), e.getMessage());
  }

  /**
   * {@code max_rows: all} (a conv ensemble too, whose block has no feature bagging) reads as no
   * limit, is written back as {@code all}, and any other word is located with what was expected.
   */
  @Test
  void maxRowsTakesAllAndRefusesOtherWords() throws Exception {
    String spec = SPEC.replace("    residual: absolute\n",
        "    residual: absolute\n    ensemble: {members: 3, max_rows: all}\n")
        .replace("    pooling: NONE\n", "    pooling: NONE\n    ensemble: {members: 2, max_rows: all}\n");
    ExperimentSpec read = read(spec);
    var dense = ((DenseAutoencoder) read.detectors().get(0).instance()).options();
    assertEquals(ad.core.registry.CountOrAll.ALL, dense.ensemble().maxRows());
    var conv = ((ConvAutoencoder) read.detectors().get(3).instance()).options();
    assertEquals(ad.core.registry.CountOrAll.ALL, conv.ensemble().maxRows());
    String written = ad.eval.spec.SpecMapper.create().writeValueAsString(dense.ensemble());
    assertTrue(written.contains("max_rows: \"all\"") || written.contains("max_rows: all"), written);
    assertEquals(512, ((DenseAutoencoder) read(SPEC.replace("    residual: absolute\n",
        "    residual: absolute\n    ensemble: {max_rows: 512}\n")).detectors().get(0).instance())
        .options().ensemble().maxRows());

    SpecException e = error(SPEC.replace("    residual: absolute\n",
        "    residual: absolute\n    ensemble: {max_rows: every}\n"));
    assertEquals(11, e.line());
    assertTrue(e.getMessage().contains("'max_rows' expects an integer or 'all', got 'every'"),
        e.getMessage());
    e = error(SPEC.replace("    residual: absolute\n",
        "    residual: absolute\n    ensemble: {max_rows: [all]}\n"));
    assertTrue(e.getMessage().contains("'max_rows' expects an integer or 'all', got a list"),
        e.getMessage());
    e = error(SPEC.replace("    residual: absolute\n",
        "    residual: absolute\n    ensemble: {max_rows: 2.5}\n"));
    assertTrue(e.getMessage().contains("'max_rows' expects an integer or 'all', got '2.5'"),
        e.getMessage());
  }

  @Test
  void aValueOutsideAnEnumListsTheValidOnes() {
    SpecException e = error(SPEC.replace("residual: absolute", "residual: cubic"));
    assertEquals(10, e.line());
    assertTrue(e.getMessage().contains("'residual' must be one of [squared, absolute], got 'cubic'"),
        e.getMessage());
    e = error(SPEC.replace("activation: LeakyReLU", "activation: softmax"));
    assertEquals(8, e.line());
    assertTrue(e.getMessage().contains("'activation' must be one of [relu, leakyrelu, elu, selu, "
        + "gelu, swish, mish, tanh, sigmoid, hardsigmoid, hardtanh, softplus, softsign, identity], "
        + "got 'softmax'"), e.getMessage());
    e = error(SPEC.replace("noise: masking", "noise: salt"));
    assertTrue(e.getMessage().contains("'noise' must be one of [gaussian, masking], got 'salt'"),
        e.getMessage());
    e = error(SPEC.replace("score: negative_elbo", "score: mahalanobis"));
    assertTrue(e.getMessage().contains("'score' must be one of [reconstruction_probability, "
        + "reconstruction_error, negative_elbo], got 'mahalanobis'"), e.getMessage());
    e = error(SPEC.replace("pooling: NONE", "pooling: avg"));
    assertEquals(24, e.line());
    assertTrue(e.getMessage().contains("'pooling' must be one of [max, none], got 'avg'"),
        e.getMessage());
    e = error(SPEC.replace("engine: native", "engine: gpu"));
    assertEquals(21, e.line());
    assertTrue(e.getMessage().contains("'engine' must be one of [native, dl4j], got 'gpu'"),
        e.getMessage());
  }

  @Test
  void aBadSharedValueIsLocatedAtItsKey() {
    SpecException e = error(SPEC.replace("epochs: 7", "epochs: 0"));
    assertEquals(16, e.line());
    assertTrue(e.getMessage().contains("'epochs' must be a positive integer, got 0"),
        e.getMessage());
    e = error(SPEC.replace("epochs: 7", "epochs: 2.5"));
    assertEquals(16, e.line());
    assertTrue(e.getMessage().contains("expects an integer"), e.getMessage());
    e = error(SPEC.replace("epochs: 7", "patience: 3"));
    assertTrue(e.getMessage().contains("'patience' needs validation_split > 0"), e.getMessage());
  }

  /** The engine binds, the LSTM's too: native by default, dl4j on request. */
  @Test
  void theEngineBindsForEveryFamilyTheLstmIncluded() {
    var vae = ((VariationalAutoencoder) read(SPEC.replace("engine: native", "engine: dl4j"))
        .detectors().get(2).instance()).options();
    assertEquals(Engine.DL4J, vae.training().engine());
    ExperimentSpec spec = read(SPEC + "  - {name: lstm, type: lstm_autoencoder}\n"
        + "  - {name: lstm-dl4j, type: lstm_autoencoder, engine: dl4j}\n");
    assertEquals(Engine.NATIVE, ((LstmAutoencoder) spec.detectors().get(4).instance()).options()
        .training().engine());
    assertEquals(Engine.DL4J, ((LstmAutoencoder) spec.detectors().get(5).instance()).options()
        .training().engine());
  }
}

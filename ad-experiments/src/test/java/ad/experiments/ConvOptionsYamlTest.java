package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.registry.Registry;
import ad.eval.io.Json;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecException;
import ad.eval.spec.SpecReader;
import ad.models.conv.ConvAutoencoder;
import ad.models.conv.ConvAutoencoderOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** conv_autoencoder's options as YAML binds them, through the registry the application loads. */
class ConvOptionsYamlTest {
  private static final String SPEC = """
      name: t
      datasets:
        - {name: g, type: synthetic, dimensions: 4, normal: {count: 20}, anomalies: {count: 2}}
      detectors:
        - name: conv
          type: conv_autoencoder
          input_shape: [2, 2, 1]
          filters: [4]
          code_size: 3
          epochs: 2
        - name: plain
          type: conv_autoencoder
      """;

  private static ExperimentSpec read(String yaml) {
    return new SpecReader(Registry.load()).read(Path.of("x.yaml"), yaml);
  }

  private static ConvAutoencoderOptions options(ExperimentSpec spec, int detector) {
    return ((ConvAutoencoder) spec.detectors().get(detector).instance()).options();
  }

  @Test
  void codeSizeBindsFromSnakeCaseAndDefaultsToNone() {
    ExperimentSpec spec = read(SPEC);
    ConvAutoencoderOptions conv = options(spec, 0);
    assertEquals(3, conv.codeSize());
    assertEquals(List.of(4), conv.filters());
    assertEquals(2, conv.training().epochs());
    assertNull(options(spec, 1).codeSize());
    assertEquals(new ConvAutoencoderOptions(), options(spec, 1));
  }

  /** A model file's manifest keeps the resolved options as JSON; they must read back the same. */
  @Test
  void codeSizeSurvivesTheModelFileManifest() throws Exception {
    for (ConvAutoencoderOptions o : List.of(options(read(SPEC), 0), options(read(SPEC), 1))) {
      String json = Json.MAPPER.writeValueAsString(o);
      assertEquals(o, Json.MAPPER.readValue(json, ConvAutoencoderOptions.class), json);
    }
  }

  @Test
  void badCodeSizeIsNamedWithItsLine() {
    SpecException e = assertThrows(SpecException.class,
        () -> read(SPEC.replace("code_size: 3", "code_size: 0")));
    assertEquals(9, e.line());
    assertTrue(e.getMessage().contains("'code_size' must be a positive integer, got 0"),
        e.getMessage());
    e = assertThrows(SpecException.class,
        () -> read(SPEC.replace("code_size: 3", "code_size: 2.5")));
    assertEquals(9, e.line());
    assertTrue(e.getMessage().contains("expects an integer"), e.getMessage());
    e = assertThrows(SpecException.class,
        () -> read(SPEC.replace("code_size: 3", "code_sise: 3")));
    assertTrue(e.getMessage().contains("did you mean 'code_size'?"), e.getMessage());
  }
}

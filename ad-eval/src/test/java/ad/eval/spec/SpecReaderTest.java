package ad.eval.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.CoreComponents;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.data.SyntheticSource;
import ad.core.protocol.NoveltyProtocol;
import ad.core.registry.ComponentType;
import ad.core.registry.Options;
import ad.core.registry.Registry;
import ad.eval.threshold.ThresholderComponents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecReaderTest {
  /** A detector type for tests only: ad-eval must not depend on ad-models. */
  record FakeOptions(List<Integer> hiddenLayers, Double learningRate, Integer epochs) implements Detector {
    FakeOptions {
      hiddenLayers = Options.orDefault(hiddenLayers, List.of(4));
      learningRate = Options.positive("learning_rate", Options.orDefault(learningRate, 0.001));
      epochs = Options.positive("epochs", Options.orDefault(epochs, 1));
    }

    @Override
    public DetectorModel fit(ad.core.Dataset train, long seed) {
      return data -> new Scores(new double[data.rows()]);
    }
  }

  static Registry registry() {
    List<ComponentType<?, ?>> all = new ArrayList<>(new CoreComponents().components());
    all.addAll(new ThresholderComponents().components());
    all.add(ComponentType.of(Detector.class, "fake_autoencoder", "for tests", FakeOptions.class, o -> o));
    return new Registry(all);
  }

  private static final String VALID = """
      name: t
      seeds: [1, 2]
      datasets:
        - name: g
          type: synthetic
          dimensions: 4
          normal: {count: 100}
          anomalies: {count: 5, mean: 5}
      detectors:
        - type: fake_autoencoder
          hidden_layers: [3]
          learning_rate: 0.01
        - name: other
          type: fake_autoencoder
      thresholder: {type: mean_std, k: 2.5}
      """;

  private static ExperimentSpec read(String yaml) {
    return new SpecReader(registry()).read(Path.of("x.yaml"), yaml);
  }

  private static SpecException error(String yaml) {
    return assertThrows(SpecException.class, () -> read(yaml));
  }

  @Test
  void readsAValidSpecWithDefaults() {
    ExperimentSpec spec = read(VALID);
    assertEquals("t", spec.name());
    assertEquals(List.of(1L, 2L), spec.seeds());
    assertEquals(4, spec.cellCount());
    assertEquals("fake_autoencoder", spec.detectors().get(0).name());
    assertEquals("other", spec.detectors().get(1).name());
    assertEquals(List.of(3), ((FakeOptions) spec.detectors().get(0).instance()).hiddenLayers());
    assertEquals(0.001, ((FakeOptions) spec.detectors().get(1).instance()).learningRate());
    assertEquals(5.0, ((SyntheticSource) spec.datasets().get(0).instance()).anomalies().mean().get(0));
    assertTrue(spec.protocol().instance() instanceof NoveltyProtocol, "novelty is the default protocol");
    assertEquals("min_max", spec.scaler().type());
  }

  @Test
  void misspeltKeyIsNamedWithItsLineAndASuggestion() {
    SpecException e = error(VALID.replace("learning_rate: 0.01", "learnin_rate: 0.01"));
    assertEquals(12, e.line());
    assertEquals(5, e.column());
    assertTrue(e.getMessage().startsWith("x.yaml:12:5: unknown key 'learnin_rate'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'learning_rate'?"), e.getMessage());
  }

  @Test
  void misspeltTopLevelKeyIsNamed() {
    SpecException e = error(VALID.replace("seeds:", "sedes:"));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("unknown key 'sedes'") && e.getMessage().contains("'seeds'"),
        e.getMessage());
  }

  @Test
  void unknownTypeListsTheKnownOnes() {
    SpecException e = error(VALID.replace("type: fake_autoencoder\n    hidden", "type: fake_autoencodr\n    hidden"));
    assertEquals(10, e.line());
    assertTrue(e.getMessage().contains("unknown detector type 'fake_autoencodr'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'fake_autoencoder'"), e.getMessage());
    assertTrue(e.getMessage().contains("known detector types: [fake_autoencoder]"), e.getMessage());
  }

  @Test
  void outOfRangeValueIsLocatedAtItsKey() {
    SpecException e = error(VALID.replace("learning_rate: 0.01", "learning_rate: -1"));
    assertEquals(12, e.line());
    assertTrue(e.getMessage().contains("'learning_rate' must be a finite number > 0, got -1.0"),
        e.getMessage());
  }

  @Test
  void nestedOptionErrorIsLocatedInsideItsMapping() {
    SpecException e = error(VALID.replace("anomalies: {count: 5, mean: 5}", "anomalies: {count: -5}"));
    assertEquals(8, e.line());
    assertTrue(e.getMessage().contains("'count' must be an integer >= 0, got -5"), e.getMessage());
  }

  @Test
  void wrongValueTypesAreExplained() {
    SpecException e = error(VALID.replace("learning_rate: 0.01", "learning_rate: fast"));
    assertEquals(12, e.line());
    assertTrue(e.getMessage().contains("'learning_rate' expects a number, got 'fast'"), e.getMessage());
    SpecException fractional = error(VALID.replace("hidden_layers: [3]", "hidden_layers: [2.5]"));
    assertEquals(11, fractional.line());
    assertTrue(fractional.getMessage().contains("expects an integer"), fractional.getMessage());
  }

  @Test
  void malformedYamlAndDuplicatesAndMissingPartsAreReported() {
    SpecException malformed = error("name: t\ndatasets: [\n");
    assertTrue(malformed.getMessage().contains("malformed YAML"), malformed.getMessage());
    SpecException duplicate = error("name: t\nname: u\n");
    assertEquals(2, duplicate.line());
    assertTrue(duplicate.getMessage().contains("Duplicate") || duplicate.getMessage().contains("duplicate"),
        duplicate.getMessage());
    assertTrue(error("name: t\n").getMessage().contains("'datasets' must list at least one dataset"));
    assertTrue(error("").getMessage().contains("empty"));
    assertTrue(error(VALID.replace("name: t\n", "")).getMessage().contains("'name' is required"));
    SpecException noType = error(VALID.replace("- name: other\n    type: fake_autoencoder", "- name: other"));
    assertTrue(noType.getMessage().contains("needs a 'type:'"), noType.getMessage());
    SpecException sameName = error(VALID.replace("- name: other\n", "- name: fake_autoencoder\n"));
    assertTrue(sameName.getMessage().contains("two detectors are named 'fake_autoencoder'"),
        sameName.getMessage());
  }

  @Test
  void optionsOfAComponentWithoutOptionsAreRefused() {
    SpecException e = error(VALID + "scaler: {type: min_max, clip: true}\n");
    assertTrue(e.getMessage().contains("unknown key 'clip'") && e.getMessage().contains("takes no options"),
        e.getMessage());
  }
}

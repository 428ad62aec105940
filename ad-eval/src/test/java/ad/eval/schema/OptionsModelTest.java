package ad.eval.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.CoreComponents;
import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.registry.ComponentType;
import ad.core.registry.Options;
import ad.core.registry.Registry;
import ad.eval.spec.SpecMapper;
import ad.eval.threshold.ThresholderComponents;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keys, defaults and allowed values read from an options record: shared options unwrapped into a
 * family's record stand flat, enums list their YAML names, required keys are found, and the JSON
 * Schema says the same.
 */
class OptionsModelTest {
  private static final ObjectMapper MAPPER = SpecMapper.create();

  /** Options every family shares, unwrapped into each family's record. */
  public record Shared(
      @JsonPropertyDescription("step size") @Positive Double learningRate,
      @JsonPropertyDescription("passes") @Min(1) Integer epochs) {
    public Shared {
      learningRate = Options.positive("learning_rate", Options.orDefault(learningRate, 1e-3));
      epochs = Options.positive("epochs", Options.orDefault(epochs, 10));
    }
  }

  /** A closed set with YAML names. */
  public enum Speed {
    @JsonProperty("fast") FAST,
    @JsonProperty("slow") SLOW
  }

  /** A family's options: its own keys and the shared ones. */
  public record Family(
      @JsonPropertyDescription("layer widths") @NotEmpty List<@Positive Integer> widths,
      @JsonUnwrapped Shared shared,
      @JsonPropertyDescription("how fast") Speed speed) {
    public Family {
      widths = Options.nonEmpty("widths", widths);
      for (int w : widths) {
        Options.positive("widths", w);
      }
      shared = shared == null ? new Shared(null, null) : shared;
      speed = Options.orDefault(speed, Speed.SLOW);
    }
  }

  /** A detector taking {@link Family} options. */
  public record FamilyDetector(Family options) implements Detector {
    @Override
    public DetectorModel fit(Dataset train, long seed) {
      throw new UnsupportedOperationException("never fitted here");
    }
  }

  @Test
  void unwrappedKeysStandFlatWithTheirDefaults() {
    OptionsModel model = OptionsModel.of(MAPPER, Family.class);
    assertEquals(List.of("widths", "learning_rate", "epochs", "speed"),
        model.properties().stream().map(OptionProperty::key).toList());
    assertEquals("{\"widths\":[1]}", model.minimal().toString());
    OptionProperty widths = model.properties().get(0);
    assertTrue(model.isFilledIn(widths) && widths.constraints().required());
    assertTrue(model.defaultValue(widths).isEmpty());
    assertEquals(0.001, model.defaultValue(model.properties().get(1)).orElseThrow().doubleValue());
    assertEquals("slow", model.defaultValue(model.properties().get(3)).orElseThrow().asText());
  }

  @Test
  void docsShowTypesDefaultsAndAllowedValues() {
    List<OptionDoc> docs = new OptionDocs(MAPPER, registry()).of(Family.class);
    assertEquals(new OptionDoc("widths", "list of integers", "required", "not empty; each > 0", "layer widths"),
        docs.get(0));
    assertEquals(new OptionDoc("learning_rate", "number", "0.001", "> 0", "step size"), docs.get(1));
    assertEquals(new OptionDoc("epochs", "integer", "10", ">= 1", "passes"), docs.get(2));
    assertEquals(new OptionDoc("speed", "choice", "slow", "fast, slow", "how fast"), docs.get(3));
  }

  @Test
  void theSchemaHasTheUnwrappedKeysFlatAndChecksThem() {
    JsonNode schema = new ExperimentSchema(registry()).generate();
    JsonNode family = schema.at("/definitions/detectors.family");
    assertFalse(family.has("allOf") && family.get("allOf").toString().contains("learning_rate"));
    JsonNode rate = family.at("/properties/learning_rate");
    assertEquals(0.001, rate.get("default").doubleValue());
    assertEquals(0, rate.get("exclusiveMinimum").intValue());
    assertEquals("step size", rate.get("description").asText());
    assertEquals(List.of("fast", "slow"), names(family.at("/properties/speed/enum")));

    var validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
    String ok = """
        name: x
        datasets: [{type: synthetic, dimensions: 2, normal: {count: 10}}]
        detectors:
          - {type: family, widths: [4], learning_rate: 0.01, epochs: 3, speed: fast}
          - {type: family, widths: 4}
          - {type: family, grid: {widths: [[4], [2]]}}
        """;
    assertEquals(List.of(), validator.validate(ok, InputFormat.YAML).stream().map(e -> e.getMessage()).toList());
    for (String bad : List.of("{type: family, widths: [4], learnin_rate: 0.01}", "{type: family, widths: [0]}",
        "{type: family, widths: [4], epochs: 0}", "{type: family, widths: [4], speed: medium}",
        "{type: family}", "family", "{type: family, grid: {widths: [[4]], epoch: [1]}}")) {
      String yaml = "name: x\ndatasets: [synthetic]\ndetectors:\n  - " + bad + "\n";
      assertFalse(validator.validate(yaml, InputFormat.YAML).isEmpty(), bad);
    }
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Registry registry() {
    List<ComponentType<?, ?>> all = new ArrayList<>(new CoreComponents().components());
    all.addAll(new ThresholderComponents().components());
    all.add(ComponentType.of(Detector.class, "family", "a test family", Family.class, FamilyDetector::new));
    return new Registry(all);
  }
}

package ad.eval.schema;

import ad.core.Thresholder;
import ad.core.registry.ComponentType;
import ad.core.registry.CountOrAll;
import ad.core.registry.Registry;
import ad.eval.metrics.Measures;
import ad.eval.spec.ComponentKind;
import ad.eval.spec.ComponentSlot;
import ad.eval.spec.ExperimentFile;
import ad.eval.spec.SpecMapper;
import ad.eval.spec.ThresholdRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomPropertyDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema (draft 7) of the experiment file, generated from the same records the reader binds
 * ({@link ExperimentFile} and every registered component's options record), so editors complete keys
 * and flag mistakes as the user types ({@code # yaml-language-server: $schema=...}).
 *
 * <p>victools' generator writes each record's schema from its fields and their annotations: the
 * Jackson module reads {@code @JsonPropertyDescription}, the Jakarta Validation module the bounds and
 * required keys. Names come from the reader's own Jackson configuration, defaults from
 * {@link OptionsModel}. This class then shapes what the reader does beyond plain binding:
 * <ul>
 *   <li>a component is a type name alone (only for types without required options) or a mapping
 *       whose {@code type:} selects the schema of its options ({@code if}/{@code then} per type);
 *       its {@code name:}, a thresholder's {@code fit_on:}, and in lists a {@code grid:} of option
 *       values, in which a required option may be given instead;
 *   <li>options of records unwrapped into their parent ({@code @JsonUnwrapped}) stand flat beside
 *       the others, as in the file;
 *   <li>every list also takes a single value ({@code hidden_layers: 10} means {@code [10]}), as the
 *       reader does.
 * </ul>
 */
public final class ExperimentSchema {
  /** Where the schema is kept in the repository, relative to its root. */
  public static final String REPOSITORY_PATH = "schema/experiment.schema.json";
  private static final String DEFINITIONS = "definitions";
  private static final String GRID = "grid";
  private static final String MEASURE = "measure";

  private final ObjectMapper mapper = SpecMapper.create();
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final Registry registry;
  private final SchemaGenerator generator;
  private final Map<Class<?>, Map<String, String>> names = new ConcurrentHashMap<>();

  public ExperimentSchema(Registry registry) {
    this.registry = registry;
    SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(new ObjectMapper(),
        SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
        .with(new JacksonModule())
        .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
            JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
        .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.INLINE_ALL_SCHEMAS)
        .without(Option.SCHEMA_VERSION_INDICATOR);
    config.forFields().withPropertyNameOverrideResolver(this::yamlName);
    // Keys in the record's order, as ad list and the files themselves have them.
    config.forTypesInGeneral().withPropertySorter((a, b) -> 0);
    config.forTypesInGeneral().withCustomDefinitionProvider((type, context) ->
        type.getErasedType().isEnum() ? new CustomDefinition(enumSchema(type.getErasedType())) : null);
    config.forFields().withCustomDefinitionProvider((field, context) ->
        field.getAnnotationConsideringFieldAndGetter(CountOrAll.class) == null ? null
            : new CustomPropertyDefinition(countOrAll(), CustomDefinition.INCLUDING_ATTRIBUTES));
    this.generator = new SchemaGenerator(config.build());
  }

  /** A whole number above 0, or the word {@code all} ({@link CountOrAll}). */
  private ObjectNode countOrAll() {
    ObjectNode schema = nodes.objectNode();
    ArrayNode either = schema.putArray("anyOf");
    either.addObject().put("type", "integer").put("exclusiveMinimum", 0);
    either.addObject().put("const", CountOrAll.WORD);
    return schema;
  }

  /** The schema of the experiment file with every component this registry knows. */
  public ObjectNode generate() {
    ObjectNode root = nodes.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("$comment", "Generated by 'ad schema' from the options records; do not edit. Regenerate "
        + "with: ./ad schema --out " + REPOSITORY_PATH);
    root.put("title", "ad experiment file");
    root.put("description", "An anomaly-detection experiment: datasets, a protocol, a scaler, "
        + "detectors and threshold rules, run with every seed. 'ad list TYPE' describes each type.");
    ObjectNode top = recordSchema(ExperimentFile.class);
    root.setAll(top);
    ObjectNode definitions = root.putObject(DEFINITIONS);
    ObjectNode properties = (ObjectNode) root.get("properties");
    OptionsModel file = OptionsModel.of(mapper, ExperimentFile.class);
    for (OptionProperty p : file.properties()) {
      ComponentSlot slot = p.field().getAnnotation(ComponentSlot.class);
      if (slot == null) {
        continue;
      }
      definitions.set(p.key(), slotSchema(p.key(), slot, definitions));
      ObjectNode ref = nodes.objectNode().put("$ref", "#/" + DEFINITIONS + "/" + p.key());
      ObjectNode old = (ObjectNode) properties.get(p.key());
      ObjectNode replacement = nodes.objectNode();
      replacement.set("description", old.get("description"));
      if (old.has("default")) {
        replacement.set("default", old.get("default"));
      }
      if (p.type().isCollectionLikeType()) {
        ObjectNode list = nodes.objectNode().put("type", "array");
        list.set("items", ref);
        list.put("minItems", 1);
        replacement.setAll(singleOrList(list, ref));
      } else {
        // Draft 7 ignores the siblings of a $ref: the description and default would be lost.
        replacement.putArray("allOf").add(ref);
      }
      properties.set(p.key(), replacement);
    }
    // Measures are a closed set the reader checks names against, not a Java type of the record.
    ObjectNode measure = definitions.putObject(MEASURE);
    measure.put("description", "a measure by name (ad list shows them)");
    Measures.names().forEach(measure.put("type", "string").putArray("enum")::add);
    ObjectNode metrics = (ObjectNode) properties.get("metrics");
    ((ObjectNode) metrics.get("then")).putObject("items").put("$ref", "#/" + DEFINITIONS + "/" + MEASURE);
    metrics.putObject("else").put("$ref", "#/" + DEFINITIONS + "/" + MEASURE);
    // 'thresholder' and 'thresholders' exclude each other.
    root.putObject("not").putArray("required").add("thresholder").add("thresholders");
    root.remove(DEFINITIONS);
    root.set(DEFINITIONS, definitions);
    return root;
  }

  /** The schema as the checked-in file holds it: pretty JSON with a final newline. */
  public String generateText() {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(generate()) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key taking components of one kind: a type name alone, or a mapping whose type picks its schema. */
  private ObjectNode slotSchema(String key, ComponentSlot slot, ObjectNode definitions) {
    ComponentKind kind = ComponentKind.of(slot.value());
    ArrayNode all = nodes.arrayNode();
    ArrayNode alone = nodes.arrayNode();
    ArrayNode branches = nodes.arrayNode();
    for (ComponentType<?, ?> type : registry.all(slot.value())) {
      all.add(type.name());
      OptionsModel options = OptionsModel.of(mapper, type.optionsType());
      ObjectNode schema = componentSchema(type, options, slot);
      if (options.properties().stream().noneMatch(options::isFilledIn)) {
        alone.add(type.name());
      }
      String name = key + "." + type.name();
      definitions.set(name, schema);
      ObjectNode branch = branches.addObject();
      ObjectNode condition = branch.putObject("if");
      condition.putObject("properties").putObject("type").put("const", type.name());
      condition.putArray("required").add("type");
      branch.putObject("then").put("$ref", "#/" + DEFINITIONS + "/" + name);
    }
    ObjectNode out = nodes.objectNode();
    out.put("description", "a " + kind.label() + ": a type name alone (its defaults), or a mapping with "
        + "'type:' and its options ('ad list TYPE' lists them)");
    out.putObject("if").put("type", "string");
    out.putObject("then").set("enum", alone);
    ObjectNode mapping = out.putObject("else");
    mapping.put("type", "object");
    mapping.putArray("required").add("type");
    ObjectNode typeKey = mapping.putObject("properties").putObject("type");
    typeKey.put("description", "the " + kind.label() + " type");
    typeKey.set("enum", all);
    mapping.set("allOf", branches);
    return out;
  }

  /** The mapping form of one component type: type, name, its options (and fit_on, grid). */
  private ObjectNode componentSchema(ComponentType<?, ?> type, OptionsModel options, ComponentSlot slot) {
    ObjectNode record = recordSchema(options);
    ObjectNode optionProperties = record.has("properties") ? (ObjectNode) record.get("properties")
        : nodes.objectNode();
    List<String> required = new ArrayList<>();
    record.path("required").forEach(r -> required.add(r.asText()));

    ObjectNode out = nodes.objectNode();
    out.put("type", "object");
    out.put("description", type.summary());
    ObjectNode properties = out.putObject("properties");
    properties.putObject("type").put("const", type.name());
    properties.putObject("name").put("type", "string").put("pattern", ExperimentFile.NAME_PATTERN)
        .put("description", "what results call this " + ComponentKind.of(slot.value()).label()
            + "; default: its type");
    properties.setAll(optionProperties);
    if (slot.value() == Thresholder.class) {
      ObjectNode fitOn = enumSchema(ThresholdRule.FitOn.class);
      fitOn.put("description", "the scores the threshold is fitted on: held-out normal rows, the "
          + "training rows, or the test scores themselves (without labels)");
      fitOn.set("default", mapper.valueToTree(ThresholdRule.FitOn.VALIDATION));
      properties.set("fit_on", fitOn);
    }
    if (slot.grid() && !optionProperties.isEmpty()) {
      ObjectNode grid = properties.putObject(GRID);
      grid.put("description", "option values to expand into one variant per combination, e.g. "
          + "grid: {learning_rate: [0.001, 0.01]}");
      grid.put("type", "object");
      grid.put("minProperties", 1);
      grid.put("additionalProperties", false);
      ObjectNode gridProperties = grid.putObject("properties");
      for (Map.Entry<String, JsonNode> option : optionProperties.properties()) {
        ObjectNode values = gridProperties.putObject(option.getKey());
        values.put("type", "array");
        values.put("minItems", 1);
        values.set("items", option.getValue());
      }
    }
    out.put("additionalProperties", false);
    ArrayNode requiredKeys = out.putArray("required").add("type");
    if (slot.grid() && !optionProperties.isEmpty()) {
      // A required option may be given in the grid instead.
      ArrayNode each = nodes.arrayNode();
      for (String r : required) {
        ArrayNode either = each.addObject().putArray("anyOf");
        either.addObject().putArray("required").add(r);
        ObjectNode inGrid = either.addObject();
        inGrid.putArray("required").add(GRID);
        inGrid.putObject("properties").putObject(GRID).putArray("required").add(r);
      }
      if (!each.isEmpty()) {
        out.set("allOf", each);
      }
    } else {
      required.forEach(requiredKeys::add);
    }
    return out;
  }

  private ObjectNode recordSchema(Class<?> type) {
    return recordSchema(OptionsModel.of(mapper, type));
  }

  /**
   * victools' schema of an options record, with unwrapped records flattened in, the defaults of
   * {@link OptionsModel}, and every list taking a single value too.
   */
  private ObjectNode recordSchema(OptionsModel model) {
    ObjectNode schema = generator.generateSchema(model.type());
    flattenUnwrapped(schema);
    addDefaults(schema, model);
    acceptSingleValues(schema);
    return schema;
  }

  /** victools writes a {@code @JsonUnwrapped} record as an allOf part: its keys belong to the parent. */
  private static void flattenUnwrapped(ObjectNode schema) {
    JsonNode parts = schema.remove("allOf");
    ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties")
        : schema.putObject("properties");
    if (parts != null) {
      Set<String> required = new LinkedHashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      for (JsonNode part : parts) {
        if (part instanceof ObjectNode nested) {
          // A record unwrapped into one that is itself unwrapped (denoising -> dense -> training).
          flattenUnwrapped(nested);
        }
        part.path("properties").properties().forEach(e -> properties.putIfAbsent(e.getKey(), e.getValue()));
        part.path("required").forEach(r -> required.add(r.asText()));
      }
      if (!required.isEmpty()) {
        ArrayNode list = schema.putArray("required");
        required.forEach(list::add);
      }
    }
    properties.forEach(p -> {
      if (p instanceof ObjectNode o && "object".equals(o.path("type").asText())) {
        flattenUnwrapped(o);
      }
    });
  }

  private void addDefaults(ObjectNode schema, OptionsModel model) {
    JsonNode properties = schema.path("properties");
    for (OptionProperty p : model.properties()) {
      if (!(properties.get(p.key()) instanceof ObjectNode property)) {
        continue;
      }
      model.defaultValue(p).filter(v -> !v.isNull()).ifPresent(v -> property.set("default", v));
      if (p.isNested()) {
        addDefaults(property, model.nested(p));
      }
    }
  }

  /**
   * The reader takes a single value where a list is expected ({@code seeds: 7}): each array becomes
   * "if a list, the list; else one item", which keeps an editor's messages about the form written.
   */
  private void acceptSingleValues(ObjectNode schema) {
    JsonNode properties = schema.path("properties");
    List<String> keys = new ArrayList<>();
    properties.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      ObjectNode property = (ObjectNode) properties.get(key);
      if ("object".equals(property.path("type").asText())) {
        acceptSingleValues(property);
      }
      if (!"array".equals(property.path("type").asText()) || property.path("minItems").asInt(0) > 1) {
        continue;
      }
      ObjectNode list = property.deepCopy();
      ObjectNode replacement = nodes.objectNode();
      for (String annotation : List.of("description", "default")) {
        JsonNode value = list.remove(annotation);
        if (value != null) {
          replacement.set(annotation, value);
        }
      }
      JsonNode item = list.path("items");
      replacement.setAll(singleOrList(list, item.isMissingNode() ? nodes.objectNode() : item));
      ((ObjectNode) properties).set(key, replacement);
    }
  }

  private ObjectNode singleOrList(ObjectNode list, JsonNode item) {
    ObjectNode out = nodes.objectNode();
    out.putObject("if").put("type", "array");
    out.set("then", list);
    out.set("else", item);
    return out;
  }

  private ObjectNode enumSchema(Class<?> type) {
    ObjectNode out = nodes.objectNode().put("type", "string");
    SpecMapper.enumNames(mapper, type).forEach(out.putArray("enum")::add);
    return out;
  }

  /** The key the reader binds a field to, from Jackson's own introspection of its record. */
  private String yamlName(FieldScope field) {
    Class<?> type = field.getDeclaringType().getErasedType();
    Map<String, String> byField = names.computeIfAbsent(type, t -> {
      Map<String, String> out = new ConcurrentHashMap<>();
      for (BeanPropertyDefinition d : mapper.getDeserializationConfig().introspect(mapper.constructType(t))
          .findProperties()) {
        out.put(d.getInternalName(), d.getName());
      }
      return out;
    });
    return byField.get(field.getDeclaredName());
  }
}

package ad.eval.schema;

import ad.core.registry.NoOptions;
import ad.core.registry.OptionException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys of one options record as the experiment file's reader sees them, with their defaults.
 *
 * <p>Keys, their names and types come from Jackson's own introspection through the reader's mapper
 * ({@link ad.eval.spec.SpecMapper}), so they are exactly the keys the reader accepts; a record unwrapped
 * into its parent ({@code @JsonUnwrapped}, e.g. shared training options) contributes its keys flat.
 *
 * <p>Defaults are not declared a second time: they are the values of the record bound from an empty
 * mapping, exactly as the reader binds a component that leaves the key out. A record with required
 * keys cannot be bound from an empty mapping, so the smallest valid mapping is found first: each key
 * the record refuses to leave out (its constructor throws an {@link OptionException} naming it) gets a
 * value that satisfies its declared {@link Constraints} (the lower bound of a number, one item for a
 * list, the first value of an enum, ...), and binding is tried again.
 */
public final class OptionsModel {
  private static final int MAX_ATTEMPTS = 64;

  private final ObjectMapper mapper;
  private final Class<?> type;
  private final List<OptionProperty> properties;
  private final ObjectNode minimal;
  private final Set<String> filledIn;
  private final Object defaults;

  private OptionsModel(ObjectMapper mapper, Class<?> type) {
    this.mapper = mapper;
    this.type = type;
    this.properties = type == NoOptions.class ? List.of() : properties(mapper, type, List.of());
    this.filledIn = new LinkedHashSet<>();
    this.minimal = type == NoOptions.class ? mapper.createObjectNode() : findMinimal();
    this.defaults = type == NoOptions.class ? NoOptions.INSTANCE : bind(minimal);
  }

  /** The model of {@code type}, an options record (or {@link NoOptions}), read through {@code mapper}. */
  public static OptionsModel of(ObjectMapper mapper, Class<?> type) {
    if (type != NoOptions.class && !type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a record: options are records");
    }
    return new OptionsModel(mapper, type);
  }

  public Class<?> type() {
    return type;
  }

  /** Every key, in the record's order; nested records are one key each (see {@link #nested}). */
  public List<OptionProperty> properties() {
    return properties;
  }

  /** The model of a nested record's keys ({@code normal.count}, ...). */
  public OptionsModel nested(OptionProperty property) {
    if (!property.isNested()) {
      throw new IllegalArgumentException(property.key() + " is not a nested record");
    }
    return new OptionsModel(mapper, property.type().getRawClass());
  }

  /** The smallest mapping the record accepts: the required keys with values that satisfy them. */
  public ObjectNode minimal() {
    return minimal.deepCopy();
  }

  /**
   * Whether {@code property} had to be given a value for the record to bind: a required key (or one
   * of a group of which one is required).
   */
  public boolean isFilledIn(OptionProperty property) {
    return filledIn.contains(property.key());
  }

  /**
   * The value the reader gives {@code property} when the file leaves it out, as YAML would write it;
   * a null node when it has no value then (an optional key without a default); empty for a key that
   * must be given ({@link #isFilledIn}).
   */
  public java.util.Optional<JsonNode> defaultValue(OptionProperty property) {
    if (isFilledIn(property)) {
      return java.util.Optional.empty();
    }
    Object value = property.valueIn(defaults);
    return java.util.Optional.of(value == null ? mapper.nullNode() : mapper.valueToTree(value));
  }

  /** Binds {@code node} to the record, as the reader does; throws Jackson's exception if refused. */
  public Object bind(JsonNode node) {
    try {
      return mapper.treeToValue(node, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(type.getSimpleName() + " refuses " + node + ": "
          + e.getOriginalMessage(), e);
    }
  }

  private ObjectNode findMinimal() {
    ObjectNode node = mapper.createObjectNode();
    Map<String, Integer> tries = new java.util.HashMap<>();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      List<String> missing;
      try {
        mapper.treeToValue(node, type);
        return node;
      } catch (ValueInstantiationException e) {
        if (!(e.getCause() instanceof OptionException o)) {
          throw cannotBuild(node, e);
        }
        missing = new ArrayList<>(pathOf(e));
        missing.addAll(Arrays.asList(o.field().split("\\.")));
      } catch (MismatchedInputException e) {
        missing = pathOf(e);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw cannotBuild(node, e);
      }
      String key = String.join(".", missing);
      if (tries.merge(key, 1, Integer::sum) > 1) {
        // The key has a value already, and the record still refuses it: a rule across keys.
        throw cannotBuild(node, new IllegalStateException("'" + key + "' refused twice"));
      }
      fill(node, missing, key);
    }
    throw cannotBuild(node, new IllegalStateException("too many attempts"));
  }

  /** Gives the key at {@code path} (a nested key: {@code normal.count}) a value its constraints allow. */
  private void fill(ObjectNode node, List<String> path, String key) {
    OptionsModel model = this;
    ObjectNode at = node;
    for (int i = 0; i < path.size() - 1; i++) {
      OptionProperty p = model.find(path.get(i));
      if (p == null || !p.isNested()) {
        throw cannotBuild(node, new IllegalStateException("no nested record at '" + key + "'"));
      }
      JsonNode child = at.get(p.key());
      if (!(child instanceof ObjectNode)) {
        child = at.putObject(p.key());
      }
      at = (ObjectNode) child;
      model = of(mapper, p.type().getRawClass());
    }
    OptionProperty p = model.find(path.get(path.size() - 1));
    if (p == null) {
      throw cannotBuild(node, new IllegalStateException("the record refuses '" + key
          + "', which is none of its keys"));
    }
    at.set(p.key(), model.sample(p.type(), p.constraints()));
    if (path.size() == 1) {
      filledIn.add(p.key());
    }
  }

  OptionProperty find(String key) {
    return properties.stream().filter(p -> p.key().equals(key)).findFirst().orElse(null);
  }

  /** A value of {@code type} that satisfies {@code c}: the one a required key is given. */
  public JsonNode sample(JavaType type, Constraints c) {
    Class<?> raw = type.getRawClass();
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return mapper.getNodeFactory().numberNode(sampleNumber(c, true).longValueExact());
    }
    if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
      return mapper.getNodeFactory().numberNode(sampleNumber(c, false).doubleValue());
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return mapper.getNodeFactory().booleanNode(false);
    }
    if (raw.isEnum()) {
      return mapper.valueToTree(raw.getEnumConstants()[0]);
    }
    if (type.isCollectionLikeType()) {
      ArrayNode list = mapper.createArrayNode();
      int n = Math.max(1, c.minSize() == null ? 1 : c.minSize());
      Constraints items = c.items() == null ? Constraints.NONE : c.items();
      for (int i = 0; i < n; i++) {
        list.add(sample(type.getContentType(), items));
      }
      return list;
    }
    if (raw.isRecord()) {
      return of(mapper, raw).minimal();
    }
    return TextNode.valueOf("x");
  }

  private static BigDecimal sampleNumber(Constraints c, boolean integer) {
    BigDecimal one = BigDecimal.ONE;
    if (c.min() != null) {
      if (c.minInclusive()) {
        return integer ? c.min().setScale(0, java.math.RoundingMode.CEILING) : c.min();
      }
      if (integer) {
        return c.min().setScale(0, java.math.RoundingMode.FLOOR).add(one);
      }
      return c.max() != null ? c.min().add(c.max()).divide(BigDecimal.valueOf(2)) : c.min().add(one);
    }
    if (c.max() != null) {
      if (c.maxInclusive()) {
        return integer ? c.max().setScale(0, java.math.RoundingMode.FLOOR) : c.max();
      }
      return integer ? c.max().setScale(0, java.math.RoundingMode.CEILING).subtract(one)
          : c.max().subtract(one);
    }
    return one;
  }

  private IllegalStateException cannotBuild(JsonNode node, Exception cause) {
    return new IllegalStateException("cannot find the smallest valid options of " + type.getName()
        + " (tried " + node + "): " + cause.getMessage() + "; declare its required keys and bounds "
        + "(jakarta.validation annotations) so that a valid value can be chosen", cause);
  }

  private static List<String> pathOf(JsonMappingException e) {
    List<String> out = new ArrayList<>();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        out.add(r.getFieldName());
      }
    }
    return out;
  }

  /** The keys of {@code type} read through the mapper; unwrapped records flattened into their parent. */
  private static List<OptionProperty> properties(ObjectMapper mapper, Class<?> type,
      List<RecordComponent> prefix) {
    JavaType javaType = mapper.constructType(type);
    BeanDescription description = mapper.getDeserializationConfig().introspect(javaType);
    Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
        .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
    var introspector = mapper.getDeserializationConfig().getAnnotationIntrospector();
    List<OptionProperty> out = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      BeanPropertyDefinition definition = description.findProperties().stream()
          .filter(d -> d.getInternalName().equals(component.getName())).findFirst().orElse(null);
      if (definition == null || !definition.couldDeserialize()) {
        continue;
      }
      List<RecordComponent> path = new ArrayList<>(prefix);
      path.add(component);
      if (definition.getPrimaryMember() != null
          && introspector.findUnwrappingNameTransformer(definition.getPrimaryMember()) != null) {
        out.addAll(properties(mapper, component.getType(), path));
        continue;
      }
      Field field = field(type, component);
      String meaning = definition.getMetadata().getDescription();
      out.add(new OptionProperty(definition.getName(), definition.getPrimaryType(), field, path,
          meaning == null ? "" : meaning.trim(), Constraints.of(field, field.getAnnotatedType())));
    }
    return out;
  }

  private static Field field(Class<?> type, RecordComponent component) {
    try {
      return type.getDeclaredField(component.getName());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("a record without the field of its component " + component, e);
    }
  }
}

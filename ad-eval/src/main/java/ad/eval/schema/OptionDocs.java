package ad.eval.schema;

import ad.core.registry.CountOrAll;
import ad.core.registry.Registry;
import ad.eval.spec.ComponentKind;
import ad.eval.spec.ComponentSlot;
import ad.eval.spec.SpecMapper;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code ad list TYPE}, generated from an options record: every key with its type,
 * default, allowed values and meaning. Nested records ({@code normal:} of a synthetic dataset) list
 * their own keys after them, dotted ({@code normal.count}).
 */
public final class OptionDocs {
  private final ObjectMapper mapper;
  private final Registry registry;

  /**
   * @param registry resolves the types a component key ({@link ComponentSlot}) takes
   */
  public OptionDocs(ObjectMapper mapper, Registry registry) {
    this.mapper = mapper;
    this.registry = registry;
  }

  public List<OptionDoc> of(Class<?> optionsType) {
    List<OptionDoc> out = new ArrayList<>();
    add(OptionsModel.of(mapper, optionsType), "", out);
    return out;
  }

  private void add(OptionsModel model, String prefix, List<OptionDoc> out) {
    for (OptionProperty p : model.properties()) {
      out.add(new OptionDoc(prefix + p.key(), typeName(p), defaultText(model, p), allowed(p),
          p.description()));
      if (p.isNested()) {
        add(model.nested(p), prefix + p.key() + ".", out);
      }
    }
  }

  private String defaultText(OptionsModel model, OptionProperty p) {
    Optional<JsonNode> value = model.defaultValue(p);
    if (value.isEmpty()) {
      return p.constraints().required() ? "required" : "-";
    }
    return FlowYaml.of(value.get());
  }

  private String typeName(OptionProperty p) {
    ComponentSlot slot = p.field().getAnnotation(ComponentSlot.class);
    if (slot != null) {
      String kind = ComponentKind.of(slot.value()).label();
      return p.type().isCollectionLikeType() ? "list of " + kind + "s" : kind;
    }
    if (p.field().isAnnotationPresent(CountOrAll.class)) {
      return "integer or " + CountOrAll.WORD;
    }
    return typeName(p.type());
  }

  static String typeName(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return "integer";
    }
    if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
      return "number";
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return "boolean";
    }
    if (raw.isEnum()) {
      return "choice";
    }
    if (type.isCollectionLikeType()) {
      return "list of " + typeName(type.getContentType()) + "s";
    }
    if (raw.isRecord()) {
      return "mapping";
    }
    return "string";
  }

  private String allowed(OptionProperty p) {
    List<String> parts = new ArrayList<>();
    ComponentSlot slot = p.field().getAnnotation(ComponentSlot.class);
    Class<?> raw = p.type().isCollectionLikeType() ? p.type().getContentType().getRawClass()
        : p.type().getRawClass();
    if (slot != null) {
      parts.add(String.join(", ", registry.names(slot.value())));
    } else if (raw.isEnum()) {
      parts.add((p.type().isCollectionLikeType() ? "each " : "") + String.join(", ", SpecMapper.enumNames(mapper, raw)));
    }
    String range = p.constraints().describe();
    if (!range.isEmpty()) {
      parts.add(range);
    }
    return String.join("; ", parts);
  }
}

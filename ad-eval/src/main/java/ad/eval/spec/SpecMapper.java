package ad.eval.spec;

import ad.eval.io.CountOrAllIntrospector;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one configuration of Jackson that experiment files are read with; {@code ad list} and the JSON
 * Schema introspect the options records through it too, so they name and type keys as the reader does.
 */
public final class SpecMapper {
  private SpecMapper() {}

  public static YAMLMapper create() {
    return YAMLMapper.builder(YAMLFactory.builder()
            // A repeated key is almost always a copy-paste slip; last-one-wins would hide it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        // "epochs: 2.5" must be an error, not 2.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // "hidden_layers: 10" means [10]; "seeds: 7" means [7].
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        // "activation: ReLU" is relu: option values (enums) are matched ignoring case.
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        // "max_rows: all" (ad.core.registry.CountOrAll).
        .annotationIntrospector(new CountOrAllIntrospector())
        .build();
  }

  /** The YAML names of an enum's constants, as {@code mapper} reads and writes them. */
  public static java.util.List<String> enumNames(com.fasterxml.jackson.databind.ObjectMapper mapper,
      Class<?> enumType) {
    return java.util.Arrays.stream(enumType.getEnumConstants())
        .map(c -> mapper.convertValue(c, String.class)).toList();
  }
}

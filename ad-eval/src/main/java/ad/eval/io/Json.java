package ad.eval.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;

/** The one JSON configuration of ad's output files: snake_case keys, indented, no default typing. */
public final class Json {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .annotationIntrospector(new CountOrAllIntrospector())
      .build();
  public static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private Json() {}
}

package ad.eval.schema;

import com.fasterxml.jackson.databind.JavaType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * One key of an options record as the experiment file spells it.
 *
 * @param key the YAML key, as the spec reader binds it ({@code learning_rate})
 * @param type its Java type as Jackson sees it (generic types resolved)
 * @param field the record's field, which carries the annotations
 * @param path the record components that lead from the options record to the value: one, or more
 *     when the key comes from a record unwrapped into its parent ({@code @JsonUnwrapped})
 * @param description its one-line meaning ({@code @JsonPropertyDescription}), or ""
 * @param constraints the values it takes
 */
public record OptionProperty(String key, JavaType type, Field field, List<RecordComponent> path,
    String description, Constraints constraints) {

  public OptionProperty {
    path = List.copyOf(path);
  }

  /** Whether the value is itself a record of options (a nested mapping such as {@code normal:}). */
  public boolean isNested() {
    return type.getRawClass().isRecord();
  }

  /** The value of this key in {@code options}, an instance of the record it was read from. */
  public Object valueIn(Object options) {
    Object value = options;
    for (RecordComponent c : path) {
      if (value == null) {
        return null;
      }
      try {
        value = c.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c + " of " + value.getClass(), e);
      }
    }
    return value;
  }
}

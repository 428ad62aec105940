package ad.eval.spec;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys an options record takes, with the components marked {@link JsonUnwrapped} flattened into
 * their own keys (a family's {@code learning_rate} lives in its shared training options record).
 *
 * <p>Why the readers check keys themselves: Jackson binds an unwrapped component from whatever keys
 * its owner does not know, and so ignores every unknown key, whatever
 * {@code FAIL_ON_UNKNOWN_PROPERTIES} says (measured with 2.22: {@code learnin_rate: 0.1} was dropped
 * without a word). So the keys of a mapping are checked against this set before it is bound, and a
 * misspelt key is still an error that names the key and the closest valid one.
 */
public final class OptionKeys {
  private OptionKeys() {}

  /** Every key {@code type} binds, as {@code mapper} names them, unwrapped components flattened. */
  public static Set<String> of(ObjectMapper mapper, Class<?> type) {
    Set<String> keys = new TreeSet<>();
    BeanDescription description = mapper.getDeserializationConfig()
        .introspect(mapper.constructType(type));
    for (BeanPropertyDefinition property : description.findProperties()) {
      if (unwrapped(property)) {
        keys.addAll(of(mapper, property.getRawPrimaryType()));
      } else {
        keys.add(property.getName());
      }
    }
    return keys;
  }

  /** The first key of {@code node} that {@code keys} lacks, if any. */
  public static Optional<String> unknown(JsonNode node, Set<String> keys) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private static boolean unwrapped(BeanPropertyDefinition property) {
    for (AnnotatedMember member : new AnnotatedMember[] {property.getConstructorParameter(),
        property.getField(), property.getGetter()}) {
      if (member != null) {
        JsonUnwrapped annotation = member.getAnnotation(JsonUnwrapped.class);
        if (annotation != null && annotation.enabled()) {
          return true;
        }
      }
    }
    return false;
  }
}

package ad.eval.cell;

import ad.eval.spec.Component;
import ad.eval.spec.SpecJson;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A component as plain data: the name results report it under, its registry type, and its options
 * with every default resolved, as snake_case keys (what {@code results.json} lists). Enough for any
 * process with the same registry to build the same component again ({@link RegistryResolver}).
 */
public record ComponentSpec(String name, String type, Map<String, Object> options) implements Serializable {

  public ComponentSpec {
    // An unmodifiable view of an insertion-ordered copy: serialisable, and null values (an option
    // left unset) survive, which Map.copyOf would refuse.
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  public static ComponentSpec of(Component<?> component) {
    return new ComponentSpec(component.name(), component.type(), SpecJson.options(component.options()));
  }
}

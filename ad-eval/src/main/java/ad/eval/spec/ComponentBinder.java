package ad.eval.spec;

import ad.core.registry.ComponentType;
import ad.core.registry.NoOptions;
import ad.core.registry.Registry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Builds a component again from its resolved options as {@link SpecJson#options} wrote them, with
 * the same Jackson configuration an experiment file is read with: what a process that never saw the
 * YAML file (a Spark executor, say) uses to get the very component the spec declared.
 */
public final class ComponentBinder {
  private final Registry registry;
  private final ObjectMapper mapper = SpecMapper.create();

  public ComponentBinder(Registry registry) {
    this.registry = registry;
  }

  /**
   * @throws IllegalArgumentException if the registry has no such type or the options do not bind:
   *     options written by {@link SpecJson#options} from a validated spec always do
   */
  public <T> Component<T> build(Class<T> kind, String name, String type, Map<String, Object> options) {
    ComponentType<?, T> componentType = registry.find(kind, type).orElseThrow(() -> new IllegalArgumentException(
        "no " + kind.getSimpleName() + " type '" + type + "' in this process's registry"));
    Object bound = componentType.optionsType() == NoOptions.class ? NoOptions.INSTANCE
        : mapper.convertValue(options, componentType.optionsType());
    return new Component<>(name, type, bound, componentType.create(bound), componentType.baseline());
  }
}

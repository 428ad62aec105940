package ad.core.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** All components known to this process, by kind and name. */
public final class Registry {
  private final Map<String, ComponentType<?, ?>> byKey = new LinkedHashMap<>();

  public Registry(List<ComponentType<?, ?>> components) {
    for (ComponentType<?, ?> c : components) {
      ComponentType<?, ?> previous = byKey.putIfAbsent(key(c.kind(), c.name()), c);
      if (previous != null) {
        throw new IllegalStateException("two " + c.kind().getSimpleName() + " components named '"
            + c.name() + "'");
      }
    }
  }

  /** The components of every {@link ComponentProvider} on the class path. */
  public static Registry load() {
    List<ComponentType<?, ?>> all = new ArrayList<>();
    for (ComponentProvider provider : ServiceLoader.load(ComponentProvider.class)) {
      all.addAll(provider.components());
    }
    return new Registry(all);
  }

  @SuppressWarnings("unchecked")
  public <T> Optional<ComponentType<?, T>> find(Class<T> kind, String name) {
    return Optional.ofNullable((ComponentType<?, T>) byKey.get(key(kind, name)));
  }

  /** The components of one kind, sorted by name. */
  @SuppressWarnings("unchecked")
  public <T> List<ComponentType<?, T>> all(Class<T> kind) {
    List<ComponentType<?, T>> out = new ArrayList<>();
    for (ComponentType<?, ?> c : byKey.values()) {
      if (c.kind() == kind) {
        out.add((ComponentType<?, T>) c);
      }
    }
    out.sort(Comparator.comparing(ComponentType::name));
    return out;
  }

  public List<String> names(Class<?> kind) {
    return all(kind).stream().map(ComponentType::name).toList();
  }

  private static String key(Class<?> kind, String name) {
    return kind.getName() + "/" + name;
  }
}

package ad.experiments;

import ad.core.registry.ComponentProvider;
import ad.core.registry.ComponentType;
import ad.core.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The registry {@code ad} itself sees: every provider on the class path but the tests' own. */
final class ProductionRegistry {
  private ProductionRegistry() {}

  static Registry load() {
    List<ComponentType<?, ?>> all = new ArrayList<>();
    for (ComponentProvider provider : ServiceLoader.load(ComponentProvider.class)) {
      if (!isTestProvider(provider)) {
        all.addAll(provider.components());
      }
    }
    return new Registry(all);
  }

  private static boolean isTestProvider(ComponentProvider provider) {
    var source = provider.getClass().getProtectionDomain().getCodeSource();
    return source != null && source.getLocation().getPath().contains("test-classes");
  }
}

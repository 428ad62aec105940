package ad.core.registry;

import java.util.List;

/** Contributes components to the {@link Registry}; found with {@link java.util.ServiceLoader}. */
public interface ComponentProvider {

  List<ComponentType<?, ?>> components();
}

/**
 * The component registry: how a YAML {@code type:} name becomes a detector, thresholder, dataset source,
 * protocol or scaler.
 *
 * <p>Each component is one {@link ad.core.registry.ComponentType}: a name, a one-line summary, an options
 * record (bound from YAML by {@code ad-eval}; it validates itself in its constructor and reports a bad
 * value with {@link ad.core.registry.OptionException}) and a factory. Modules contribute components
 * through a {@link ad.core.registry.ComponentProvider} listed in
 * {@code META-INF/services/ad.core.registry.ComponentProvider}: a new model is one class plus one line.
 */
package ad.core.registry;

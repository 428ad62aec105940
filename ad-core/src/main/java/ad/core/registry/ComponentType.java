package ad.core.registry;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One named, configurable component.
 *
 * @param kind what it builds: {@code Detector.class}, {@code Thresholder.class}, ...
 * @param name its YAML {@code type:} name, lower case with underscores
 * @param summary one line for {@code ad list}
 * @param optionsType the record its YAML options bind to, or {@link NoOptions} when it takes none
 * @param factory builds the component from validated options
 * @param baseline a simple reference method the others are measured against (Isolation Forest, PCA,
 *     kNN): reports mark it so, for the reader to see what the autoencoders must beat
 */
public record ComponentType<O, T>(Class<T> kind, String name, String summary, Class<O> optionsType,
    Function<? super O, ? extends T> factory, boolean baseline) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public ComponentType {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(optionsType, "optionsType");
    Objects.requireNonNull(factory, "factory");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("component name must match " + NAME + ": " + name);
    }
  }

  public static <O, T> ComponentType<O, T> of(Class<T> kind, String name, String summary,
      Class<O> optionsType, Function<? super O, ? extends T> factory) {
    return new ComponentType<>(kind, name, summary, optionsType, factory, false);
  }

  /** A component without options. */
  public static <T> ComponentType<NoOptions, T> of(Class<T> kind, String name, String summary,
      java.util.function.Supplier<? extends T> factory) {
    return new ComponentType<>(kind, name, summary, NoOptions.class, o -> factory.get(), false);
  }

  /** This component marked as a baseline (see {@link #baseline()}). */
  public ComponentType<O, T> asBaseline() {
    return new ComponentType<>(kind, name, summary, optionsType, factory, true);
  }

  /** Builds the component; {@code options} must be an instance of {@link #optionsType()}. */
  public T create(Object options) {
    return factory.apply(optionsType.cast(options));
  }
}

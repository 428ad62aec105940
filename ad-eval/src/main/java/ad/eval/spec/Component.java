package ad.eval.spec;

/**
 * One resolved component of an experiment: the name results are reported under, its registry
 * {@code type}, its validated options record (defaults filled in), the built instance, and whether
 * its type is a baseline ({@link ad.core.registry.ComponentType#baseline()}).
 */
public record Component<T>(String name, String type, Object options, T instance, boolean baseline) {

  /** This component under another name (a grid variant's). */
  public Component<T> named(String newName) {
    return new Component<>(newName, type, options, instance, baseline);
  }
}

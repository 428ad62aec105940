package ad.core.registry;

/** The options of a component that takes none. */
public record NoOptions() {
  public static final NoOptions INSTANCE = new NoOptions();
}

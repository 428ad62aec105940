package ad.eval.spec;

/**
 * One resolved component of an experiment: the name results are reported under, its registry
 * {@code type}, its validated options record (defaults filled in) and the built instance.
 */
public record Component<T>(String name, String type, Object options, T instance) {}

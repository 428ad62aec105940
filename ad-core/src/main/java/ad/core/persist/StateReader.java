package ad.core.persist;

/**
 * Gives back the state a component wrote. Every getter throws a {@link ad.core.UserException} naming
 * the file and the key when the value is missing or has another kind: a file that lacks what its
 * component needs is corrupt or from an incompatible version.
 */
public interface StateReader {

  float[] floats(String key);

  double[] doubles(String key);

  int[] ints(String key);

  String text(String key);

  /** True when the state holds a value under {@code key}, of any kind. */
  boolean contains(String key);

  /** Fails with a message naming the file, for a value that is present but cannot be right. */
  ad.core.UserException corrupt(String problem);

  /**
   * Fails with a message naming the file, for a state an earlier ad wrote in a layout this one no
   * longer reads: {@code problem} says what to do instead (e.g. refit the model).
   */
  default ad.core.UserException outdated(String problem) {
    return corrupt(problem);
  }
}

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

  /** Fails with a message naming the file, for a value that is present but cannot be right. */
  ad.core.UserException corrupt(String problem);
}

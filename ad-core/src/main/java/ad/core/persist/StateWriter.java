package ad.core.persist;

/** Receives the state of a fitted component as named values. Keys: lower case, digits, '_', '.', '/'. */
public interface StateWriter {

  void floats(String key, float[] values);

  void doubles(String key, double[] values);

  void ints(String key, int[] values);

  void text(String key, String value);

  /**
   * Declares that this state can be read back only by readers of the given file-format version or
   * newer (a state laid out in a way older versions misread), so that the file records it and an older
   * ad refuses the file with "upgrade" instead of failing on a missing key. Writers that keep no
   * versions (tests, in-memory copies) ignore it.
   */
  default void requireFormatVersion(int version) {}
}

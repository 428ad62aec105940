package ad.core.persist;

/** Receives the state of a fitted component as named values. Keys: lower case, digits, '_', '.', '/'. */
public interface StateWriter {

  void floats(String key, float[] values);

  void doubles(String key, double[] values);

  void ints(String key, int[] values);

  void text(String key, String value);
}

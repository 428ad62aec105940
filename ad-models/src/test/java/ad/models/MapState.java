package ad.models;

import ad.core.UserException;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saved state in memory: a {@link StateWriter} and {@link StateReader} over one map, as the pipeline
 * file keeps it (copies in, copies out), with {@link #put} to tamper with a value.
 */
public final class MapState implements StateWriter, StateReader {
  private final Map<String, Object> values = new LinkedHashMap<>();

  @Override
  public void floats(String key, float[] v) {
    write(key, v.clone());
  }

  @Override
  public void doubles(String key, double[] v) {
    write(key, v.clone());
  }

  @Override
  public void ints(String key, int[] v) {
    write(key, v.clone());
  }

  @Override
  public void text(String key, String value) {
    write(key, value);
  }

  @Override
  public float[] floats(String key) {
    return read(key, float[].class).clone();
  }

  @Override
  public double[] doubles(String key) {
    return read(key, double[].class).clone();
  }

  @Override
  public int[] ints(String key) {
    return read(key, int[].class).clone();
  }

  @Override
  public String text(String key) {
    return read(key, String.class);
  }

  @Override
  public boolean contains(String key) {
    return values.containsKey(key);
  }

  @Override
  public UserException corrupt(String problem) {
    return new UserException("state in memory is corrupt: " + problem);
  }

  /** Replaces (or adds) a value, to build a corrupt state. */
  public void put(String key, Object value) {
    values.put(key, value);
  }

  public Map<String, Object> values() {
    return values;
  }

  private void write(String key, Object value) {
    if (!key.matches("[a-z0-9_][a-z0-9_./-]*")) {
      throw new IllegalArgumentException("bad state key: " + key);
    }
    if (values.putIfAbsent(key, value) != null) {
      throw new IllegalArgumentException("state key written twice: " + key);
    }
  }

  private <T> T read(String key, Class<T> kind) {
    Object value = values.get(key);
    if (!kind.isInstance(value)) {
      throw new UserException("state in memory has no " + kind.getSimpleName() + " '" + key + "'");
    }
    return kind.cast(value);
  }
}

package ad.models.state;

import ad.core.UserException;
import ad.core.persist.StateReader;
import java.util.Objects;

/**
 * A model's state being read back, with the checks that every family needs: each array has the
 * length its options' architecture implies and holds finite values, each size is positive. A failed
 * check is a {@link UserException} from {@link StateReader#corrupt}, prefixed with the detector type.
 *
 * @param in the state
 * @param type the detector's registry type, e.g. {@code dense_autoencoder}, for messages
 */
public record CheckedState(StateReader in, String type) {

  public CheckedState {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(type, "type");
  }

  /** Fails loading: {@code problem} names what is wrong, the reader adds the file. */
  public UserException corrupt(String problem) {
    return in.corrupt(type + ": " + problem);
  }

  /** The single int under {@code key}, which must be positive. */
  public int positive(String key) {
    int[] value = ints(key, 1);
    if (value[0] <= 0) {
      throw corrupt("'" + key + "' must be positive, got " + value[0]);
    }
    return value[0];
  }

  /** The ints under {@code key}, exactly {@code length} of them. */
  public int[] ints(String key, int length) {
    int[] values = in.ints(key);
    requireLength(key, values.length, length);
    return values;
  }

  /** The floats under {@code key}: exactly {@code length} of them, all finite. */
  public float[] floats(String key, int length) {
    float[] values = in.floats(key);
    requireLength(key, values.length, length);
    for (int i = 0; i < values.length; i++) {
      requireFinite(key, i, values[i]);
    }
    return values;
  }

  /** The doubles under {@code key}: exactly {@code length} of them, all finite. */
  public double[] doubles(String key, int length) {
    double[] values = in.doubles(key);
    requireLength(key, values.length, length);
    for (int i = 0; i < values.length; i++) {
      requireFinite(key, i, values[i]);
    }
    return values;
  }

  /** A 64-bit seed, stored as decimal text because the state has no long arrays. */
  public long seed(String key) {
    String text = in.text(key);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw corrupt("'" + key + "' must be a 64-bit integer, got '" + text + "'");
    }
  }

  /** Writes {@code seed} so that {@link #seed} reads it back. */
  public static void writeSeed(ad.core.persist.StateWriter out, String key, long seed) {
    out.text(key, Long.toString(seed));
  }

  private void requireLength(String key, int actual, int expected) {
    if (actual != expected) {
      throw corrupt("'" + key + "' has " + actual + " values but the options and input width need "
          + expected);
    }
  }

  private void requireFinite(String key, int index, double value) {
    if (!Double.isFinite(value)) {
      throw corrupt("'" + key + "' holds " + value + " at index " + index + "; a fitted model has "
          + "finite values only");
    }
  }
}

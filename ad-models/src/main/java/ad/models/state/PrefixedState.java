package ad.models.state;

import ad.core.UserException;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;

/**
 * One part of a model's state under a key prefix ({@code member3/layer0/weights}), so that a model
 * made of models (an ensemble) keeps each part's state as that part writes it, in the one model file.
 */
public final class PrefixedState {
  private PrefixedState() {}

  /** Writes every key of the part as {@code prefix + key}. */
  public static StateWriter writer(StateWriter out, String prefix) {
    return new StateWriter() {
      @Override
      public void floats(String key, float[] values) {
        out.floats(prefix + key, values);
      }

      @Override
      public void doubles(String key, double[] values) {
        out.doubles(prefix + key, values);
      }

      @Override
      public void ints(String key, int[] values) {
        out.ints(prefix + key, values);
      }

      @Override
      public void text(String key, String value) {
        out.text(prefix + key, value);
      }

      @Override
      public void requireFormatVersion(int version) {
        out.requireFormatVersion(version);
      }
    };
  }

  /**
   * Reads the part that {@link #writer} wrote; a problem it reports is prefixed with {@code what}
   * (e.g. "ensemble member 3").
   */
  public static StateReader reader(StateReader in, String prefix, String what) {
    return new StateReader() {
      @Override
      public float[] floats(String key) {
        return in.floats(prefix + key);
      }

      @Override
      public double[] doubles(String key) {
        return in.doubles(prefix + key);
      }

      @Override
      public int[] ints(String key) {
        return in.ints(prefix + key);
      }

      @Override
      public String text(String key) {
        return in.text(prefix + key);
      }

      @Override
      public boolean contains(String key) {
        return in.contains(prefix + key);
      }

      @Override
      public UserException corrupt(String problem) {
        return in.corrupt(what + ": " + problem);
      }

      @Override
      public UserException outdated(String problem) {
        return in.outdated(what + ": " + problem);
      }
    };
  }
}

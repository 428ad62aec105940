package ad.core.registry;

import java.util.List;

/** Checks for options records: each throws an {@link OptionException} naming the YAML key. */
public final class Options {
  private Options() {}

  public static <T> T orDefault(T value, T fallback) {
    return value != null ? value : fallback;
  }

  public static int positive(String field, int value) {
    if (value <= 0) {
      throw new OptionException(field, "must be a positive integer, got " + value);
    }
    return value;
  }

  public static double positive(String field, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new OptionException(field, "must be a finite number > 0, got " + value);
    }
    return value;
  }

  public static double nonNegative(String field, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new OptionException(field, "must be a finite number >= 0, got " + value);
    }
    return value;
  }

  public static int nonNegative(String field, int value) {
    if (value < 0) {
      throw new OptionException(field, "must be an integer >= 0, got " + value);
    }
    return value;
  }

  /** {@code lowInclusive <= value < highExclusive}. */
  public static double inRange(String field, double value, double lowInclusive, double highExclusive) {
    if (!(value >= lowInclusive && value < highExclusive)) {
      throw new OptionException(field, "must be in [" + lowInclusive + ", " + highExclusive + "), got "
          + value);
    }
    return value;
  }

  public static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new OptionException(field, "must be a finite number, got " + value);
    }
    return value;
  }

  public static String oneOf(String field, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new OptionException(field, "must be one of " + allowed + ", got '" + value + "'");
    }
    return value;
  }

  public static <T> List<T> nonEmpty(String field, List<T> value) {
    if (value == null || value.isEmpty()) {
      throw new OptionException(field, "must be a non-empty list");
    }
    return List.copyOf(value);
  }
}

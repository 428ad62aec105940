package ad.models.train;

import ad.core.registry.Options;
import java.util.List;
import java.util.Locale;

/**
 * How a reconstruction's error is measured per feature, and so how a row is scored (the mean over its
 * features): {@code squared} (the mean squared error, the default) or {@code absolute} (the mean
 * absolute error, as SKAB's reference detectors score their windows). Absolute errors weigh one
 * large deviation less against many small ones. Training always minimises the squared error.
 */
public enum Residual {
  SQUARED,
  ABSOLUTE;

  /** The names accepted for the {@code residual} option. */
  public static final List<String> NAMES = List.of("squared", "absolute");

  /** The error of one feature whose reconstruction is off by {@code difference}. */
  public float of(float difference) {
    return this == SQUARED ? difference * difference : Math.abs(difference);
  }

  /** The option's value, checked; null means the default, squared. */
  public static String check(String field, String name) {
    return Options.oneOf(field, Options.orDefault(name, "squared").toLowerCase(Locale.ROOT), NAMES);
  }

  /** The residual a checked option value names. */
  public static Residual named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}

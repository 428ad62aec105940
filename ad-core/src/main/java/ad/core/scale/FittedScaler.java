package ad.core.scale;

import ad.core.Dataset;

/** A scaling transform whose statistics are fixed; applies the same mapping to any data. */
@FunctionalInterface
public interface FittedScaler {

  Dataset transform(Dataset data);

  /** Writes the fitted statistics; {@link Scaler#load} of the same scaler type reads them back. */
  default void save(ad.core.persist.StateWriter out) {
    // Stateless (identity) by default.
  }
}

package ad.core;

import java.util.List;

/**
 * Per-row, per-feature contributions to a score, row-major: {@code values[row * columns + feature]}.
 * For a reconstruction model these are squared errors, and their row mean is the row's score.
 */
public record FeatureErrors(int rows, int columns, float[] values, List<String> featureNames) {

  public FeatureErrors {
    if (values.length != (long) rows * columns || featureNames.size() != columns) {
      throw new IllegalArgumentException("feature errors: " + values.length + " values and "
          + featureNames.size() + " names for " + rows + " x " + columns);
    }
    featureNames = List.copyOf(featureNames);
  }

  public float get(int row, int feature) {
    return values[row * columns + feature];
  }
}

package ad.models.baseline;

import ad.core.Dataset;
import ad.core.UserException;

/** Converts a {@link Dataset} to the {@code double[][]} rows Smile takes. */
final class Rows {
  private Rows() {}

  static double[][] of(Dataset data) {
    int columns = data.columns();
    float[] values = data.values();
    double[][] rows = new double[data.rows()][columns];
    for (int r = 0; r < rows.length; r++) {
      for (int j = 0; j < columns; j++) {
        rows[r][j] = values[r * columns + j];
      }
    }
    return rows;
  }

  /** Fails with a {@link UserException} when {@code data} has fewer than {@code minimum} rows. */
  static void requireAtLeast(Dataset data, int minimum, String detector) {
    if (data.rows() < minimum) {
      throw new UserException(detector + " needs at least " + minimum + " training rows, '" + data.name()
          + "' has " + data.rows());
    }
  }

  /** Fails with a {@link UserException} when {@code data} does not have the columns the model was fitted on. */
  static void requireColumns(Dataset data, int columns, String detector) {
    if (data.columns() != columns) {
      throw new UserException(detector + " was fitted on " + columns + " columns, but '" + data.name()
          + "' has " + data.columns());
    }
  }
}

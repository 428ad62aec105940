package ad.core.scale;

import ad.core.Dataset;

/**
 * A fitted per-column affine map {@code (x - offset[j]) / divisor[j]}: what both min-max and standard
 * scaling reduce to once their statistics are known.
 */
record AffineScaler(double[] offset, double[] divisor) implements FittedScaler {

  @Override
  public Dataset transform(Dataset data) {
    int columns = offset.length;
    if (data.columns() != columns) {
      throw new ad.core.UserException("scaler was fitted on " + columns + " columns but '"
          + data.name() + "' has " + data.columns());
    }
    float[] values = data.values();
    // Row by row, not i % columns per value: the modulo took most of the time of scaling long
    // series windows (ad score); the arithmetic per value is the same.
    for (int row = 0; row < values.length; row += columns) {
      for (int j = 0; j < columns; j++) {
        values[row + j] = (float) ((values[row + j] - offset[j]) / divisor[j]);
      }
    }
    return data.withValues(values);
  }

  @Override
  public void save(ad.core.persist.StateWriter out) {
    out.doubles("offset", offset);
    out.doubles("divisor", divisor);
  }

  static AffineScaler load(ad.core.persist.StateReader in) {
    double[] offset = in.doubles("offset");
    double[] divisor = in.doubles("divisor");
    if (offset.length != divisor.length) {
      throw in.corrupt("scaler has " + offset.length + " offsets but " + divisor.length + " divisors");
    }
    return new AffineScaler(offset, divisor);
  }

  /** Columns with no spread are only shifted, not divided by zero. */
  static double safeDivisor(double spread) {
    return spread > 0 && Double.isFinite(spread) ? spread : 1.0;
  }
}

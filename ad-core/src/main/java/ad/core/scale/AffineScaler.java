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
    for (int i = 0; i < values.length; i++) {
      int j = i % columns;
      values[i] = (float) ((values[i] - offset[j]) / divisor[j]);
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

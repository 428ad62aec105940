package ad.core.scale;

import ad.core.Dataset;
import ad.core.UserException;

/**
 * Maps each column to [0, 1] using the training minimum and maximum. Test values outside the
 * training range map outside [0, 1] on purpose (they are not clipped): an out-of-range value is
 * exactly what an anomaly detector should see.
 */
public final class MinMaxScaler implements Scaler {

  @Override
  public FittedScaler load(ad.core.persist.StateReader in) {
    return AffineScaler.load(in);
  }

  @Override
  public FittedScaler fit(Dataset train) {
    if (train.rows() == 0) {
      throw new UserException("cannot fit min-max scaling on '" + train.name() + "': it has no rows");
    }
    int columns = train.columns();
    double[] min = new double[columns];
    double[] max = new double[columns];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    float[] row = new float[columns];
    for (int i = 0; i < train.rows(); i++) {
      train.copyRow(i, row, 0);
      for (int j = 0; j < columns; j++) {
        min[j] = Math.min(min[j], row[j]);
        max[j] = Math.max(max[j], row[j]);
      }
    }
    double[] range = new double[columns];
    for (int j = 0; j < columns; j++) {
      range[j] = AffineScaler.safeDivisor(max[j] - min[j]);
    }
    return new AffineScaler(min, range);
  }
}

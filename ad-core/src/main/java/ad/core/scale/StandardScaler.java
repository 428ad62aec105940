package ad.core.scale;

import ad.core.Dataset;
import ad.core.UserException;

/** Centres each column on its training mean and divides by its training standard deviation. */
public final class StandardScaler implements Scaler {

  @Override
  public FittedScaler load(ad.core.persist.StateReader in) {
    return AffineScaler.load(in);
  }

  @Override
  public FittedScaler fit(Dataset train) {
    if (train.rows() == 0) {
      throw new UserException("cannot fit standard scaling on '" + train.name() + "': it has no rows");
    }
    int columns = train.columns();
    // Welford's update: one pass, numerically stable for large columns.
    double[] mean = new double[columns];
    double[] m2 = new double[columns];
    float[] row = new float[columns];
    for (int i = 0; i < train.rows(); i++) {
      train.copyRow(i, row, 0);
      for (int j = 0; j < columns; j++) {
        double delta = row[j] - mean[j];
        mean[j] += delta / (i + 1);
        m2[j] += delta * (row[j] - mean[j]);
      }
    }
    double[] std = new double[columns];
    for (int j = 0; j < columns; j++) {
      std[j] = AffineScaler.safeDivisor(Math.sqrt(m2[j] / train.rows()));
    }
    return new AffineScaler(mean, std);
  }
}

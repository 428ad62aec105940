package ad.core.scale;

import ad.core.Dataset;
import ad.core.UserException;
import ad.core.stats.Quantiles;
import java.util.Arrays;

/**
 * Centres each column on its training median and divides by its training interquartile range over
 * 1.349, the IQR of a standard normal, so that normally distributed columns get the scale standard
 * scaling would give them. A column whose IQR is 0 (more than half of its training values alike, as
 * in indicator columns) is divided by its standard deviation instead, and a constant column only
 * shifted.
 *
 * <p>Why: under the unsupervised protocol the training rows hold the anomalies too, and a few extreme
 * values set a column's standard deviation or range but not its quartiles. With this scaling a
 * value far out in a heavy-tailed column (a hormone level, a byte count) stays far out, so a
 * reconstruction error there counts in units of the typical spread rather than of the outliers'.
 * Like standard and min-max scaling it is affine, so a second affine scaling changes nothing.
 */
public final class RobustScaler implements Scaler {
  /** The interquartile range of the standard normal distribution, 2 Φ⁻¹(0.75). */
  static final double NORMAL_IQR = 1.3489795003921634;

  @Override
  public FittedScaler load(ad.core.persist.StateReader in) {
    return AffineScaler.load(in);
  }

  @Override
  public FittedScaler fit(Dataset train) {
    int rows = train.rows();
    if (rows == 0) {
      throw new UserException("cannot fit robust scaling on '" + train.name() + "': it has no rows");
    }
    int columns = train.columns();
    float[] values = train.values();
    double[] column = new double[rows];
    double[] median = new double[columns];
    double[] divisor = new double[columns];
    for (int j = 0; j < columns; j++) {
      for (int i = 0; i < rows; i++) {
        column[i] = values[i * columns + j];
      }
      Arrays.sort(column);
      median[j] = Quantiles.linear(column, 0.5);
      double iqr = Quantiles.linear(column, 0.75) - Quantiles.linear(column, 0.25);
      divisor[j] = iqr > 0 ? iqr / NORMAL_IQR : AffineScaler.safeDivisor(standardDeviation(column));
    }
    return new AffineScaler(median, divisor);
  }

  private static double standardDeviation(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / values.length);
  }
}

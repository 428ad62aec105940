package ad.models.baseline;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.persist.StateReader;
import ad.core.UserException;
import java.util.Arrays;
import java.util.Objects;
import smile.feature.extraction.PCA;
import smile.math.matrix.Matrix;

/**
 * PCA reconstruction error: the training rows are centred on their mean and projected onto their
 * leading principal components; a row's score is its mean squared error after projecting onto those
 * components and back, i.e. how far it lies from the subspace where the training data lives. The
 * linear counterpart of an autoencoder, and as cheap as a baseline gets. With {@code score: mahalanobis}
 * the score is instead each row's squared distance from the mean in units of the kept components'
 * standard deviations (see {@link PcaOptions}). Deterministic: no randomness.
 *
 * <p>The eigen-decomposition is Smile's ({@link PCA#fit(double[][], String...)}, the covariance
 * matrix), on the OpenBLAS that ND4J already loads.
 */
public record PcaDetector(PcaOptions options) implements Detector {

  public PcaDetector {
    Objects.requireNonNull(options, "options");
  }

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    Detector.requireNormalOnly(train);
    Rows.requireAtLeast(train, 2, "pca");
    int columns = train.columns();
    if (options.components() != null && options.components() > columns) {
      throw new UserException("pca: 'components' is " + options.components() + " but '" + train.name()
          + "' has only " + columns + " columns");
    }
    double[][] rows = Rows.of(train);
    if (constant(rows)) {
      // No direction has variance (Smile's fit would throw): the model is the mean, and the score of a
      // row is its squared distance from it.
      return new PcaModel(rows[0], new double[0][], options.mahalanobis() ? new double[0] : null);
    }
    PCA pca = PCA.fit(rows);
    int k = options.components() != null ? options.components()
        : componentsFor(pca.cumulativeVarianceProportion(), options.variance());
    Matrix loadings = pca.loadings();
    double[][] basis = new double[k][columns];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < columns; j++) {
        basis[c][j] = loadings.get(j, c);
      }
    }
    double[] variances = options.mahalanobis()
        ? PcaModel.floored(variances(rows, pca.center(), basis)) : null;
    return new PcaModel(pca.center(), basis, variances);
  }

  /**
   * The sample variance (n - 1) of the training rows along each direction, measured here rather than
   * taken from Smile, whose {@code variance()} is not divided by the row count.
   */
  private static double[] variances(double[][] rows, double[] mean, double[][] basis) {
    double[] out = new double[basis.length];
    double[] centred = new double[mean.length];
    for (double[] row : rows) {
      for (int j = 0; j < mean.length; j++) {
        centred[j] = row[j] - mean[j];
      }
      for (int c = 0; c < basis.length; c++) {
        double coordinate = PcaModel.coordinate(basis[c], centred);
        out[c] += coordinate * coordinate;
      }
    }
    for (int c = 0; c < out.length; c++) {
      out[c] /= rows.length - 1;
    }
    return out;
  }

  private static boolean constant(double[][] rows) {
    for (double[] row : rows) {
      if (!Arrays.equals(row, rows[0])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The fewest leading components whose cumulative share of variance reaches {@code fraction}. Data
   * without variance (every row equal) has NaN shares: no direction is worth keeping, so none is.
   */
  static int componentsFor(double[] cumulative, double fraction) {
    for (int k = 0; k < cumulative.length; k++) {
      if (Double.isNaN(cumulative[k])) {
        return 0;
      }
      // A small tolerance: 1.0 requested must not fail on 0.9999999999999998 accumulated.
      if (cumulative[k] >= fraction - 1e-12) {
        return k + 1;
      }
    }
    return cumulative.length;
  }

  @Override
  public DetectorModel load(StateReader in) {
    return PcaModel.load(in, options);
  }
}

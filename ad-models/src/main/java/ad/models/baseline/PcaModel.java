package ad.models.baseline;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import java.util.List;
import java.util.Optional;

/**
 * A fitted PCA subspace: the training mean and an orthonormal basis of kept components. Immutable,
 * so safe to share between threads.
 *
 * @param mean the training mean, one per column
 * @param basis the kept principal directions, {@code basis[component][column]}, orthonormal
 */
record PcaModel(double[] mean, double[][] basis, List<String> featureNames) implements DetectorModel {

  PcaModel {
    mean = mean.clone();
    basis = basis.clone();
    featureNames = List.copyOf(featureNames);
  }

  int components() {
    return basis.length;
  }

  /** The mean of each row's squared errors, so equal to the row mean of {@link #explain}. */
  @Override
  public Scores score(Dataset data) {
    float[] errors = squaredErrors(data);
    int columns = mean.length;
    double[] scores = new double[data.rows()];
    for (int r = 0; r < scores.length; r++) {
      double sum = 0;
      for (int j = 0; j < columns; j++) {
        sum += errors[r * columns + j];
      }
      scores[r] = sum / columns;
    }
    return new Scores(scores);
  }

  @Override
  public Optional<FeatureErrors> explain(Dataset data) {
    return Optional.of(new FeatureErrors(data.rows(), mean.length, squaredErrors(data), featureNames));
  }

  /** Per row and column, {@code (x - reconstruction)^2} with reconstruction = mean + projection. */
  private float[] squaredErrors(Dataset data) {
    Rows.requireColumns(data, mean.length, "pca");
    int columns = mean.length;
    float[] out = new float[data.rows() * columns];
    double[] centred = new double[columns];
    double[] residual = new double[columns];
    float[] row = new float[columns];
    for (int r = 0; r < data.rows(); r++) {
      data.copyRow(r, row, 0);
      for (int j = 0; j < columns; j++) {
        centred[j] = row[j] - mean[j];
        residual[j] = centred[j];
      }
      // The residual is what the kept components do not explain: centred minus its projection.
      for (double[] direction : basis) {
        double coefficient = 0;
        for (int j = 0; j < columns; j++) {
          coefficient += direction[j] * centred[j];
        }
        for (int j = 0; j < columns; j++) {
          residual[j] -= coefficient * direction[j];
        }
      }
      for (int j = 0; j < columns; j++) {
        out[r * columns + j] = (float) (residual[j] * residual[j]);
      }
    }
    return out;
  }
}

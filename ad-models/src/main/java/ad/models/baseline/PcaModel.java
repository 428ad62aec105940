package ad.models.baseline;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.models.state.CheckedState;
import java.util.Optional;

/**
 * A fitted PCA subspace: the training mean and an orthonormal basis of kept components. Immutable,
 * so safe to share between threads. {@link #explain} names the columns of the data it explains, as
 * the autoencoders do (the width is checked; the names are the caller's).
 *
 * @param mean the training mean, one per column
 * @param basis the kept principal directions, {@code basis[component][column]}, orthonormal
 * @param variances for the Mahalanobis score, the training variance along each kept direction
 *     (floored, see {@link #floored}); null for the reconstruction error
 */
record PcaModel(double[] mean, double[][] basis, double[] variances) implements DetectorModel {

  PcaModel {
    mean = mean.clone();
    basis = basis.clone();
    variances = variances == null ? null : variances.clone();
  }

  /** Scored by reconstruction error. */
  PcaModel(double[] mean, double[][] basis) {
    this(mean, basis, null);
  }

  /**
   * The variances with a floor of {@code 1e-9} times their sum: a direction the training rows do not
   * vary along (a constant column, say) would otherwise divide by zero; with the floor, a test row
   * that moves along it still scores very high, as it should.
   */
  static double[] floored(double[] variances) {
    double total = 0;
    for (double v : variances) {
      total += Math.max(v, 0);
    }
    double floor = Math.max(total * 1e-9, Double.MIN_NORMAL);
    double[] out = new double[variances.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(variances[i], floor);
    }
    return out;
  }

  int components() {
    return basis.length;
  }

  /**
   * The mean of each row's squared errors, so equal to the row mean of {@link #explain}; or, with
   * variances, the sum of squared coordinates over variances.
   */
  @Override
  public Scores score(Dataset data) {
    if (variances != null) {
      return new Scores(mahalanobis(data));
    }
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

  /**
   * Per-column squared errors for the reconstruction score. The Mahalanobis score sums over
   * components, not columns, so it has no per-column explanation.
   */
  @Override
  public Optional<FeatureErrors> explain(Dataset data) {
    if (variances != null) {
      return Optional.empty();
    }
    return Optional.of(new FeatureErrors(data.rows(), mean.length, squaredErrors(data),
        data.featureNames()));
  }

  @Override
  public boolean canSave() {
    return true;
  }

  /**
   * State: {@code columns} (the input width), {@code mean} (doubles, one per column),
   * {@code components} (how many were kept), {@code basis} (doubles, component after component) and,
   * for the Mahalanobis score only, {@code variances} (one per kept component).
   */
  @Override
  public void save(StateWriter out) {
    out.ints("columns", new int[] {mean.length});
    out.doubles("mean", mean);
    out.ints("components", new int[] {basis.length});
    double[] flat = new double[basis.length * mean.length];
    for (int c = 0; c < basis.length; c++) {
      System.arraycopy(basis[c], 0, flat, c * mean.length, mean.length);
    }
    out.doubles("basis", flat);
    if (variances != null) {
      out.doubles("variances", variances);
    }
  }

  static PcaModel load(StateReader in, PcaOptions options) {
    CheckedState state = new CheckedState(in, "pca");
    int columns = state.positive("columns");
    double[] mean = state.doubles("mean", columns);
    int components = state.ints("components", 1)[0];
    // Data without variance keeps no component whatever 'components' asks (see PcaDetector#fit).
    boolean fits = components >= 0 && components <= columns && (options.components() == null
        || components == options.components() || components == 0);
    if (!fits) {
      throw state.corrupt("'components' is " + components + " but " + columns + " columns"
          + (options.components() != null ? " and components: " + options.components() : "")
          + " allow " + (options.components() != null ? options.components() + " or 0"
              : "0 to " + columns));
    }
    double[] flat = state.doubles("basis", components * columns);
    double[][] basis = new double[components][];
    for (int c = 0; c < components; c++) {
      basis[c] = java.util.Arrays.copyOfRange(flat, c * columns, (c + 1) * columns);
    }
    if (!options.mahalanobis()) {
      return new PcaModel(mean, basis);
    }
    double[] variances = state.doubles("variances", components);
    for (double v : variances) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw state.corrupt("a component variance is " + v + "; variances must be finite and > 0");
      }
    }
    return new PcaModel(mean, basis, variances);
  }

  /** {@code sum_c (basis[c] . (x - mean))^2 / variances[c]} for each row. */
  private double[] mahalanobis(Dataset data) {
    Rows.requireColumns(data, mean.length, "pca");
    double[] scores = new double[data.rows()];
    double[] centred = new double[mean.length];
    float[] row = new float[mean.length];
    for (int r = 0; r < data.rows(); r++) {
      centre(data, r, row, centred);
      double sum = 0;
      for (int c = 0; c < basis.length; c++) {
        double coordinate = coordinate(basis[c], centred);
        sum += coordinate * coordinate / variances[c];
      }
      scores[r] = sum;
    }
    return scores;
  }

  /** {@code centred = row r of data - mean}; {@code row} is scratch. */
  private void centre(Dataset data, int r, float[] row, double[] centred) {
    data.copyRow(r, row, 0);
    for (int j = 0; j < mean.length; j++) {
      centred[j] = row[j] - mean[j];
    }
  }

  /** The coordinate of a centred row along a unit {@code direction}: their dot product. */
  static double coordinate(double[] direction, double[] centred) {
    double sum = 0;
    for (int j = 0; j < direction.length; j++) {
      sum += direction[j] * centred[j];
    }
    return sum;
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
      centre(data, r, row, centred);
      System.arraycopy(centred, 0, residual, 0, columns);
      // The residual is what the kept components do not explain: centred minus its projection.
      for (double[] direction : basis) {
        double coefficient = coordinate(direction, centred);
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

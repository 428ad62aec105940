package ad.models.baseline;

import ad.core.Dataset;
import ad.core.Scores;
import java.util.Random;

/**
 * Test data: normal rows near a 2-dimensional plane in 8 dimensions, plus a tight cluster of anomalies
 * off that plane and away from the bulk, which any sane detector must rank first.
 */
final class Planted {
  static final int COLUMNS = 8;

  private Planted() {}

  static Dataset normal(int rows, long seed) {
    return sample("train", rows, 0, seed);
  }

  /** {@code normal} rows, then {@code anomalous} rows, labelled. */
  static Dataset sample(String name, int normal, int anomalous, long seed) {
    Random plane = new Random(7);
    double[][] axes = new double[2][COLUMNS];
    for (double[] axis : axes) {
      for (int j = 0; j < COLUMNS; j++) {
        axis[j] = plane.nextGaussian();
      }
    }
    Random random = new Random(seed);
    int rows = normal + anomalous;
    float[] values = new float[rows * COLUMNS];
    boolean[] labels = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      labels[r] = r >= normal;
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      for (int j = 0; j < COLUMNS; j++) {
        double v = a * axes[0][j] + b * axes[1][j] + 0.05 * random.nextGaussian();
        if (labels[r]) {
          // Off the plane: a fixed offset that alternates in sign, plus a little spread.
          v = (j % 2 == 0 ? 3 : -3) + 0.2 * random.nextGaussian();
        }
        values[r * COLUMNS + j] = (float) v;
      }
    }
    return Dataset.of(name, rows, COLUMNS, values, Dataset.defaultFeatureNames(COLUMNS), labels);
  }

  /** ROC AUC as the share of (anomalous, normal) pairs ranked correctly, ties counting half. */
  static double auc(Scores scores, Dataset labelled) {
    boolean[] labels = labelled.labels();
    double correct = 0;
    long pairs = 0;
    for (int i = 0; i < labels.length; i++) {
      for (int j = 0; j < labels.length; j++) {
        if (labels[i] && !labels[j]) {
          pairs++;
          double d = scores.get(i) - scores.get(j);
          correct += d > 0 ? 1 : d == 0 ? 0.5 : 0;
        }
      }
    }
    return correct / pairs;
  }
}

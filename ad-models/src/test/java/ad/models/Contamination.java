package ad.models;

import ad.core.Dataset;
import java.util.Random;

/**
 * Contaminated training data for the robust-training tests: normal rows plus a tight cluster of
 * anomalies (every value near one fixed random point), the case where an autoencoder trained on all
 * rows learns to rebuild the anomalies too. The cluster's centre depends only on the width, so
 * training and test data share it.
 */
public final class Contamination {
  private Contamination() {}

  /**
   * {@code normal}'s rows (labelled normal) followed by {@code anomalies} rows drawn around the
   * cluster centre with standard deviation {@code spread}, labelled anomalous, with {@code normal}'s
   * sample shape.
   */
  public static Dataset cluster(Dataset normal, int anomalies, double spread, long seed) {
    int d = normal.columns();
    Random centres = new Random(99L + d);
    float[] centre = new float[d];
    for (int j = 0; j < d; j++) {
      centre[j] = (float) (0.1 + 0.8 * centres.nextDouble());
    }
    return cluster(normal, anomalies, centre, spread, seed);
  }

  /** {@link #cluster(Dataset, int, double, long)} around a given centre (one row's values). */
  public static Dataset cluster(Dataset normal, int anomalies, float[] centre, double spread,
      long seed) {
    int d = normal.columns();
    Random random = new Random(seed);
    int rows = normal.rows() + anomalies;
    float[] values = new float[rows * d];
    System.arraycopy(normal.values(), 0, values, 0, normal.rows() * d);
    boolean[] labels = new boolean[rows];
    for (int r = normal.rows(); r < rows; r++) {
      labels[r] = true;
      for (int j = 0; j < d; j++) {
        values[r * d + j] = (float) (centre[j] + spread * random.nextGaussian());
      }
    }
    return Dataset.of(normal.name(), rows, d, values, normal.featureNames(), labels)
        .withSampleShape(normal.sampleShape());
  }
}

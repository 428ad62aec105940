package ad.models.conv;

import ad.core.Dataset;
import java.util.Random;

/**
 * Seeded synthetic data for the learning tests. Anomalies keep the normal rows' values but lose their
 * structure (their pixels or steps are shuffled), so an untrained network, which has learned no
 * structure, cannot tell them apart by brightness alone.
 */
public final class Images {
  private Images() {}

  /** {@code normal} images of soft blobs, then {@code anomalies} of shuffled blob pixels; [0, 1]. */
  public static Dataset blobs(String name, int side, int normal, int anomalies, long seed) {
    Random random = new Random(seed);
    int d = side * side;
    int rows = normal + anomalies;
    float[] values = new float[rows * d];
    boolean[] labels = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      int count = 1 + random.nextInt(2);
      for (int b = 0; b < count; b++) {
        double cy = 2 + random.nextDouble() * (side - 4);
        double cx = 2 + random.nextDouble() * (side - 4);
        double s2 = 2 * Math.pow(1.5 + random.nextDouble() * 1.5, 2);
        for (int y = 0; y < side; y++) {
          for (int x = 0; x < side; x++) {
            double v = Math.exp(-((y - cy) * (y - cy) + (x - cx) * (x - cx)) / s2);
            int i = r * d + y * side + x;
            values[i] = (float) Math.min(1.0, values[i] + v);
          }
        }
      }
      if (r >= normal) {
        labels[r] = true;
        shuffle(values, r * d, d, random);
      }
    }
    return Dataset.of(name, rows, d, values, Dataset.defaultFeatureNames(d), labels)
        .withSampleShape(side, side, 1);
  }

  /**
   * Windows of {@code steps x 2} channels: a sine and a cosine of random phase and a period of 14-18
   * steps, scaled to [0.1, 0.9]; in anomalies the pair turns the other way round (time runs backwards),
   * so each channel alone looks normal and only the relation between them is wrong.
   */
  public static Dataset waves(String name, int steps, int normal, int anomalies, long seed) {
    Random random = new Random(seed);
    int d = steps * 2;
    int rows = normal + anomalies;
    float[] values = new float[rows * d];
    boolean[] labels = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      double phase = random.nextDouble() * 2 * Math.PI;
      labels[r] = r >= normal;
      // Anomalies are slower: a period of 24-28 steps.
      double period = (labels[r] ? 24 : 14) + random.nextDouble() * 4;
      for (int t = 0; t < steps; t++) {
        double a = 2 * Math.PI * t / period + phase;
        values[r * d + 2 * t] = (float) (0.5 + 0.4 * Math.sin(a));
        values[r * d + 2 * t + 1] = (float) (0.5 + 0.4 * Math.cos(a));
      }
    }
    return Dataset.of(name, rows, d, values, Dataset.defaultFeatureNames(d), labels)
        .withSampleShape(steps, 2);
  }

  private static void shuffle(float[] values, int offset, int n, Random random) {
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      float t = values[offset + i];
      values[offset + i] = values[offset + j];
      values[offset + j] = t;
    }
  }

  /** The rows not labelled anomalous. */
  public static Dataset normalOnly(Dataset data) {
    return data.select(java.util.stream.IntStream.range(0, data.rows())
        .filter(r -> !data.isAnomaly(r)).toArray());
  }

  /** ROC AUC by the rank-sum formula (scores here have no ties worth averaging). */
  public static double auc(ad.core.Scores scores, Dataset labelled) {
    int n = scores.size();
    Integer[] order = new Integer[n];
    java.util.Arrays.setAll(order, i -> i);
    java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(scores::get));
    double rankSum = 0;
    int positives = 0;
    for (int k = 0; k < n; k++) {
      if (labelled.isAnomaly(order[k])) {
        rankSum += k + 1;
        positives++;
      }
    }
    int negatives = n - positives;
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}

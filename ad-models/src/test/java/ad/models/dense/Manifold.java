package ad.models.dense;

import ad.core.Dataset;
import java.util.Random;

/**
 * Test data whose normal rows lie on a curved low-dimensional surface in [0, 1]^columns:
 * {@code x_j = sigmoid(a_j . z + b_j)} with a latent {@code z ~ N(0, I)}. An anomaly draws each column
 * from an independent latent point, so every column keeps exactly the normal marginal distribution and
 * only the dependence between columns is broken: no per-column range or distance-to-centre test finds
 * it, a model has to learn the surface.
 */
public final class Manifold {
  private final int columns;
  private final int latent;
  private final double[][] weights;
  private final double[] bias;

  public Manifold(int columns, int latent, long seed) {
    this.columns = columns;
    this.latent = latent;
    Random random = new Random(seed);
    weights = new double[columns][latent];
    bias = new double[columns];
    for (int j = 0; j < columns; j++) {
      for (int k = 0; k < latent; k++) {
        weights[j][k] = 1.5 * random.nextGaussian();
      }
      bias[j] = 0.5 * random.nextGaussian();
    }
  }

  /** {@code normal} rows on the surface, then {@code anomalous} rows off it; labelled. */
  public Dataset sample(String name, int normal, int anomalous, long seed) {
    Random random = new Random(seed);
    int rows = normal + anomalous;
    float[] values = new float[rows * columns];
    boolean[] labels = new boolean[rows];
    double[] z = new double[latent];
    for (int r = 0; r < rows; r++) {
      labels[r] = r >= normal;
      drawLatent(random, z);
      for (int j = 0; j < columns; j++) {
        if (labels[r]) {
          drawLatent(random, z);
        }
        values[r * columns + j] = (float) cell(j, z);
      }
    }
    return Dataset.of(name, rows, columns, values, Dataset.defaultFeatureNames(columns), labels);
  }

  private void drawLatent(Random random, double[] z) {
    for (int k = 0; k < latent; k++) {
      z[k] = random.nextGaussian();
    }
  }

  private double cell(int j, double[] z) {
    double s = bias[j];
    for (int k = 0; k < latent; k++) {
      s += weights[j][k] * z[k];
    }
    return 1 / (1 + Math.exp(-s));
  }
}

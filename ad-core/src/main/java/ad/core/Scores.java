package ad.core;

import java.util.Arrays;

/**
 * Anomaly scores, one per row: higher always means more anomalous.
 *
 * <p>A source whose natural output points the other way (a log-likelihood, say) negates it before it
 * builds {@code Scores}. Scores may contain NaN or infinities when a model diverges; consumers that
 * need finite values call {@link #requireFinite(String)} to get an error that says where.
 */
public record Scores(double[] values) {

  public Scores {
    values = values.clone();
  }

  public int size() {
    return values.length;
  }

  public double get(int i) {
    return values[i];
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The scores at the given indices. */
  public Scores select(int[] indices) {
    double[] out = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = values[indices[i]];
    }
    return new Scores(out);
  }

  /** Throws a {@link UserException} naming how many scores are not finite and the first few rows. */
  public Scores requireFinite(String what) {
    int bad = 0;
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        if (bad < 5) {
          rows.append(bad == 0 ? "" : ", ").append(i).append('=').append(values[i]);
        }
        bad++;
      }
    }
    if (bad > 0) {
      throw new UserException(what + ": " + bad + " of " + values.length
          + " scores are NaN or infinite (rows " + rows + (bad > 5 ? ", ..." : "")
          + "); the model probably diverged: lower the learning rate or scale the inputs");
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scores s && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Scores[" + values.length + "]";
  }
}

package ad.core;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table of float features, row-major, with optional binary labels (true = anomalous).
 *
 * <p>Values are kept in one flat {@code float[]} so that large files load without boxing and models can
 * copy batches with {@link System#arraycopy}. A dataset never changes after construction: the
 * constructor copies nothing for speed, so callers hand over arrays they no longer touch, and every
 * accessor that exposes an array returns a copy.
 *
 * <p>{@code sampleShape} says how a row is laid out for models that care (an image row is
 * {@code [28, 28, 1]}: height, width, channels); for a plain table it is {@code [columns]}.
 */
public final class Dataset {
  private final String name;
  private final int rows;
  private final int columns;
  private final float[] values;
  private final List<String> featureNames;
  private final boolean[] labels;
  private final int[] sampleShape;

  private Dataset(String name, int rows, int columns, float[] values, List<String> featureNames,
      boolean[] labels, int[] sampleShape) {
    this.name = Objects.requireNonNull(name, "name");
    if (rows < 0 || columns <= 0) {
      throw new IllegalArgumentException("dataset '" + name + "' needs rows >= 0 and columns > 0, got "
          + rows + " x " + columns);
    }
    if (values.length != (long) rows * columns) {
      throw new IllegalArgumentException("dataset '" + name + "': " + values.length
          + " values do not fill " + rows + " rows x " + columns + " columns");
    }
    if (featureNames.size() != columns) {
      throw new IllegalArgumentException("dataset '" + name + "': " + featureNames.size()
          + " feature names for " + columns + " columns");
    }
    if (labels != null && labels.length != rows) {
      throw new IllegalArgumentException("dataset '" + name + "': " + labels.length + " labels for "
          + rows + " rows");
    }
    if (Arrays.stream(sampleShape).asLongStream().reduce(1, (a, b) -> a * b) != columns) {
      throw new IllegalArgumentException("dataset '" + name + "': sample shape "
          + Arrays.toString(sampleShape) + " does not hold " + columns + " columns");
    }
    this.rows = rows;
    this.columns = columns;
    this.values = values;
    this.featureNames = List.copyOf(featureNames);
    this.labels = labels;
    this.sampleShape = sampleShape.clone();
  }

  /** A labelled table; {@code labels} may be null for unlabelled data. Takes ownership of the arrays. */
  public static Dataset of(String name, int rows, int columns, float[] values, List<String> featureNames,
      boolean[] labels) {
    return new Dataset(name, rows, columns, values, featureNames, labels, new int[] {columns});
  }

  /** Feature names f1..fd, the convention of the ODDS tables. */
  public static List<String> defaultFeatureNames(int columns) {
    String[] names = new String[columns];
    for (int j = 0; j < columns; j++) {
      names[j] = "f" + (j + 1);
    }
    return List.of(names);
  }

  /** The same rows laid out as {@code shape} (its product must equal {@link #columns()}). */
  public Dataset withSampleShape(int... shape) {
    return new Dataset(name, rows, columns, values, featureNames, labels, shape);
  }

  /** The same layout and labels with other values, e.g. after scaling. Takes ownership of the array. */
  public Dataset withValues(float[] newValues) {
    return new Dataset(name, rows, columns, newValues, featureNames, labels, sampleShape);
  }

  public Dataset withName(String newName) {
    return new Dataset(newName, rows, columns, values, featureNames, labels, sampleShape);
  }

  /** The rows at the given indices, in that order (indices may repeat). */
  public Dataset select(int[] indices) {
    float[] out = new float[indices.length * columns];
    boolean[] outLabels = labels == null ? null : new boolean[indices.length];
    for (int i = 0; i < indices.length; i++) {
      int r = indices[i];
      Objects.checkIndex(r, rows);
      System.arraycopy(values, r * columns, out, i * columns, columns);
      if (outLabels != null) {
        outLabels[i] = labels[r];
      }
    }
    return new Dataset(name, indices.length, columns, out, featureNames, outLabels, sampleShape);
  }

  public String name() {
    return name;
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public int[] sampleShape() {
    return sampleShape.clone();
  }

  public float value(int row, int column) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(column, columns);
    return values[row * columns + column];
  }

  /** Copies row {@code row} into {@code into} at {@code offset}. */
  public void copyRow(int row, float[] into, int offset) {
    Objects.checkIndex(row, rows);
    System.arraycopy(values, row * columns, into, offset, columns);
  }

  /** Copies rows {@code [from, from + count)} into {@code into}, row-major, starting at index 0. */
  public void copyRows(int from, int count, float[] into) {
    Objects.checkFromIndexSize(from, count, rows);
    System.arraycopy(values, from * columns, into, 0, count * columns);
  }

  /** A copy of all values, row-major. */
  public float[] values() {
    return values.clone();
  }

  public boolean hasLabels() {
    return labels != null;
  }

  /** True when row {@code row} is labelled anomalous. */
  public boolean isAnomaly(int row) {
    requireLabels();
    return labels[row];
  }

  /** A copy of the labels (true = anomalous). */
  public boolean[] labels() {
    requireLabels();
    return labels.clone();
  }

  public int anomalyCount() {
    requireLabels();
    int n = 0;
    for (boolean label : labels) {
      if (label) {
        n++;
      }
    }
    return n;
  }

  private void requireLabels() {
    if (labels == null) {
      throw new IllegalStateException("dataset '" + name + "' has no labels");
    }
  }

  @Override
  public String toString() {
    return "Dataset[" + name + ", " + rows + " x " + Arrays.toString(sampleShape)
        + (labels == null ? ", unlabelled" : ", " + anomalyCount() + " anomalous") + "]";
  }
}

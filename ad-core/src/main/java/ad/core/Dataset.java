package ad.core;

import java.util.ArrayList;
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
 *
 * <p>Three optional extras ride along with the rows and survive {@link #select}, {@link #withValues}
 * and the other {@code with*} copies:
 * <ul>
 *   <li>{@link #categoricalColumns()}: string-valued columns kept as codes, outside the float values,
 *       until {@code ad.core.encode.OneHotEncoder} (fitted on the training part) turns them into
 *       features;</li>
 *   <li>{@link #rowIds()}: each row's index in the dataset as its source loaded it, so that scores of a
 *       split part can be traced back (e.g. a window back to its file and points);</li>
 *   <li>{@link #part(int)}: a train/test mark set by sources that come with given parts (a train file
 *       and a test file), read by the {@code fixed} protocol.</li>
 * </ul>
 *
 * <p>Serializable, so that a dataset loaded once can be shipped to the processes that evaluate cells
 * elsewhere (Spark executors).
 */
public final class Dataset implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final int rows;
  private final int columns;
  private final float[] values;
  private final List<String> featureNames;
  private final boolean[] labels;
  private final int[] sampleShape;
  private final Extras extras;

  /** Which given part a row belongs to, for sources with a train file and a test file. */
  public enum Part { TRAIN, TEST }

  /**
   * The optional per-row extras. {@code rowIds} null means the identity; {@code parts} null means the
   * source gave no parts.
   */
  private record Extras(List<CategoricalColumn> categorical, int[] rowIds, Part[] parts)
      implements java.io.Serializable {
    static final Extras NONE = new Extras(List.of(), null, null);

    Extras select(int[] indices) {
      List<CategoricalColumn> picked = new ArrayList<>(categorical.size());
      for (CategoricalColumn c : categorical) {
        picked.add(c.select(indices));
      }
      int[] ids = new int[indices.length];
      Part[] outParts = parts == null ? null : new Part[indices.length];
      for (int i = 0; i < indices.length; i++) {
        ids[i] = rowIds == null ? indices[i] : rowIds[indices[i]];
        if (outParts != null) {
          outParts[i] = parts[indices[i]];
        }
      }
      return new Extras(List.copyOf(picked), ids, outParts);
    }
  }

  private Dataset(String name, int rows, int columns, float[] values, List<String> featureNames,
      boolean[] labels, int[] sampleShape) {
    this(name, rows, columns, values, featureNames, labels, sampleShape, Extras.NONE);
  }

  private Dataset(String name, int rows, int columns, float[] values, List<String> featureNames,
      boolean[] labels, int[] sampleShape, Extras extras) {
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
    for (CategoricalColumn c : extras.categorical()) {
      if (c.rows() != rows) {
        throw new IllegalArgumentException("dataset '" + name + "': categorical column '" + c.name()
            + "' has " + c.rows() + " codes for " + rows + " rows");
      }
    }
    if (extras.rowIds() != null && extras.rowIds().length != rows
        || extras.parts() != null && extras.parts().length != rows) {
      throw new IllegalArgumentException("dataset '" + name + "': row ids or parts do not match "
          + rows + " rows");
    }
    this.extras = extras;
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
    return new Dataset(name, rows, columns, values, featureNames, labels, shape, extras);
  }

  /** The same layout and labels with other values, e.g. after scaling. Takes ownership of the array. */
  public Dataset withValues(float[] newValues) {
    return new Dataset(name, rows, columns, newValues, featureNames, labels, sampleShape, extras);
  }

  /**
   * The same rows without labels: what a detector gets when it trains on contaminated data, whose
   * labels are for evaluation only.
   */
  public Dataset withoutLabels() {
    return new Dataset(name, rows, columns, values, featureNames, null, sampleShape, extras);
  }

  public Dataset withName(String newName) {
    return new Dataset(newName, rows, columns, values, featureNames, labels, sampleShape, extras);
  }

  /** The same rows with these categorical columns (one code per row each) alongside the values. */
  public Dataset withCategoricalColumns(List<CategoricalColumn> columnsToKeep) {
    return new Dataset(name, rows, columns, values, featureNames, labels, sampleShape,
        new Extras(List.copyOf(columnsToKeep), extras.rowIds(), extras.parts()));
  }

  /** The same rows marked with their given parts (one per row). Takes ownership of the array. */
  public Dataset withParts(Part[] rowParts) {
    for (Part p : rowParts) {
      Objects.requireNonNull(p, "part");
    }
    return new Dataset(name, rows, columns, values, featureNames, labels, sampleShape,
        new Extras(extras.categorical(), extras.rowIds(), rowParts));
  }

  /**
   * Other numeric features for the same rows (labels, row ids and parts kept), without the
   * categorical columns: what an encoder returns once it has turned them into values. The sample
   * shape becomes {@code [newColumns]}. Takes ownership of the array.
   */
  public Dataset withFeatures(int newColumns, float[] newValues, List<String> newFeatureNames) {
    return new Dataset(name, rows, newColumns, newValues, newFeatureNames, labels,
        new int[] {newColumns}, new Extras(List.of(), extras.rowIds(), extras.parts()));
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
    return new Dataset(name, indices.length, columns, out, featureNames, outLabels, sampleShape,
        extras.select(indices));
  }

  /** String-valued columns not (yet) among the float values; empty for most sources. */
  public List<CategoricalColumn> categoricalColumns() {
    return extras.categorical();
  }

  /** Row {@code row}'s index in the dataset as its source loaded it (before any selection). */
  public int rowId(int row) {
    Objects.checkIndex(row, rows);
    return extras.rowIds() == null ? row : extras.rowIds()[row];
  }

  /** A copy of every row's {@link #rowId(int)}. */
  public int[] rowIds() {
    if (extras.rowIds() == null) {
      int[] ids = new int[rows];
      Arrays.setAll(ids, i -> i);
      return ids;
    }
    return extras.rowIds().clone();
  }

  /** True when the source marked each row as given training or test data. */
  public boolean hasParts() {
    return extras.parts() != null;
  }

  /** The given part of row {@code row}; see {@link #hasParts()}. */
  public Part part(int row) {
    if (extras.parts() == null) {
      throw new IllegalStateException("dataset '" + name + "' has no given train/test parts");
    }
    return extras.parts()[row];
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

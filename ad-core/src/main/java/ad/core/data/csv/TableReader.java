package ad.core.data.csv;

import ad.core.Abbreviated;
import ad.core.CategoricalColumn;
import ad.core.UserException;
import ad.core.data.LabelRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads labelled CSV files into numeric features, categorical codes and labels, given which columns
 * play which role. One reader may read several files (a train and a test file, or the files of a
 * series): they must have the same feature columns, and share the categorical levels, so codes mean
 * the same in every file.
 */
public final class TableReader {
  private final String labelColumn;
  private final List<String> features;
  private final List<String> drop;
  private final List<String> categorical;
  private final List<String> ignoredIfPresent;
  private final LabelRule labelRule;
  private final ByteTable labelTable = new ByteTable();
  private final List<Boolean> labelMeaning = new ArrayList<>();
  private ByteTable[] categoryTables;
  private List<String> numericNames;

  /**
   * @param labelColumn the label column (required in every file)
   * @param features the feature columns, or null for every column but the label, {@code drop} and
   *     {@code ignoredIfPresent}
   * @param drop columns to ignore; each must exist
   * @param categorical feature columns kept as strings; each must be a feature
   * @param ignoredIfPresent columns that are never features when present (e.g. a timestamp)
   */
  public TableReader(String labelColumn, List<String> features, List<String> drop,
      List<String> categorical, List<String> ignoredIfPresent, LabelRule labelRule) {
    this.labelColumn = labelColumn;
    this.features = features;
    this.drop = drop;
    this.categorical = categorical;
    this.ignoredIfPresent = ignoredIfPresent;
    this.labelRule = labelRule;
  }

  /** The names of the numeric feature columns, once a file has been read. */
  public List<String> numericNames() {
    return numericNames;
  }

  /** The categorical columns for the given codes (from {@link Table#categoricalCodes()}). */
  public List<CategoricalColumn> categoricalColumns(int[][] codes) {
    List<CategoricalColumn> out = new ArrayList<>();
    for (int c = 0; c < categorical.size(); c++) {
      out.add(new CategoricalColumn(categorical.get(c), categoryTables[c].levels(), codes[c]));
    }
    return out;
  }

  /** Reads every remaining line of {@code reader}. */
  public Table read(CsvReader reader) {
    List<String> header = reader.header();
    String file = reader.displayName();
    int label = reader.column(labelColumn);
    if (label < 0) {
      throw new UserException(file + ": no label column '" + labelColumn + "' (label_column); the "
          + "columns are " + Abbreviated.list(header));
    }
    for (String name : drop) {
      requireColumn(reader, name, "drop");
    }
    // Sets, not lists: a header of 300,000 columns is checked in linear time.
    Set<String> dropped = new HashSet<>(drop);
    Set<String> ignored = new HashSet<>(ignoredIfPresent);
    Set<String> featureSet = new LinkedHashSet<>();
    if (features != null) {
      for (String name : features) {
        requireColumn(reader, name, "features");
        if (name.equals(labelColumn) || dropped.contains(name)) {
          throw new UserException(file + ": column '" + name + "' is listed in features but is also the "
              + "label or dropped");
        }
        featureSet.add(name);
      }
    } else {
      for (String name : header) {
        if (!name.equals(labelColumn) && !dropped.contains(name) && !ignored.contains(name)) {
          featureSet.add(name);
        }
      }
    }
    int[] categoricalIndex = new int[categorical.size()];
    for (int c = 0; c < categorical.size(); c++) {
      String name = categorical.get(c);
      categoricalIndex[c] = requireColumn(reader, name, "categorical");
      if (!featureSet.remove(name)) {
        throw new UserException(file + ": categorical column '" + name + "' is not a feature (it is the "
            + "label, dropped or not in features)");
      }
    }
    List<String> numeric = List.copyOf(featureSet);
    if (numeric.isEmpty()) {
      throw new UserException(file + ": no numeric feature column left (columns " + Abbreviated.list(header) + ")");
    }
    if (numericNames == null) {
      numericNames = numeric;
      categoryTables = new ByteTable[categorical.size()];
      Arrays.setAll(categoryTables, i -> new ByteTable());
    } else if (!numericNames.equals(numeric)) {
      throw new UserException(file + ": its feature columns " + Abbreviated.list(numeric) + " differ from those "
          + "of the first file " + Abbreviated.list(numericNames) + firstDifference(numeric, numericNames));
    }
    int[] numericIndex = numeric.stream().mapToInt(reader::column).toArray();
    return readRows(reader, label, numericIndex, categoricalIndex);
  }

  private Table readRows(CsvReader reader, int label, int[] numericIndex, int[] categoricalIndex) {
    int width = numericIndex.length;
    float[] values = new float[width * 4096];
    int[][] codes = new int[categoricalIndex.length][4096];
    boolean[] labels = new boolean[4096];
    int rows = 0;
    while (reader.next()) {
      reader.requireHeaderWidth();
      if (rows == labels.length) {
        int capacity = rows * 2;
        values = Arrays.copyOf(values, capacity * width);
        labels = Arrays.copyOf(labels, capacity);
        for (int c = 0; c < codes.length; c++) {
          codes[c] = Arrays.copyOf(codes[c], capacity);
        }
      }
      int at = rows * width;
      for (int j = 0; j < width; j++) {
        values[at + j] = reader.number(numericIndex[j]);
      }
      for (int c = 0; c < codes.length; c++) {
        codes[c][rows] = reader.code(categoricalIndex[c], categoryTables[c]);
      }
      labels[rows] = anomalous(reader, label);
      rows++;
    }
    for (int c = 0; c < codes.length; c++) {
      codes[c] = Arrays.copyOf(codes[c], rows);
    }
    return new Table(reader.displayName(), rows, Arrays.copyOf(values, rows * width), codes,
        Arrays.copyOf(labels, rows));
  }

  private boolean anomalous(CsvReader reader, int label) {
    int code = reader.code(label, labelTable);
    if (code == labelMeaning.size()) {
      // First time this label value is seen: decide (and check) it once.
      String value = reader.text(label);
      Boolean meaning = labelRule.isAnomaly(value);
      if (meaning == null) {
        throw reader.error("column '" + labelColumn + "' expected " + labelRule.describe() + ", got '"
            + value + "' (set anomaly_values or normal_values to map other labels)");
      }
      labelMeaning.add(meaning);
    }
    return labelMeaning.get(code);
  }

  private static int requireColumn(CsvReader reader, String name, String key) {
    int index = reader.column(name);
    if (index < 0) {
      throw new UserException(reader.displayName() + ": column '" + name + "' (" + key + ") is not in "
          + "the header; the columns are " + Abbreviated.list(reader.header()));
    }
    return index;
  }

  /** Where two lists of columns first differ, for a message about long lists. */
  private static String firstDifference(List<String> these, List<String> first) {
    int i = 0;
    while (i < these.size() && i < first.size() && these.get(i).equals(first.get(i))) {
      i++;
    }
    return ": column " + (i + 1) + " is " + (i < these.size() ? "'" + these.get(i) + "'" : "missing") + " here and "
        + (i < first.size() ? "'" + first.get(i) + "'" : "missing") + " there";
  }
}

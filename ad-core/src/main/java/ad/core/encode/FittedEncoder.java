package ad.core.encode;

import ad.core.CategoricalColumn;
import ad.core.Dataset;
import ad.core.UserException;
import ad.core.persist.StateWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A one-hot encoding with fixed vocabularies; applies the same columns to any data. */
public final class FittedEncoder {
  /** The training values of one categorical column, in output column order. */
  public record Vocabulary(String column, List<String> values) {
    public Vocabulary {
      values = List.copyOf(values);
    }
  }

  private static final FittedEncoder NONE = new FittedEncoder(List.of(), false);

  private final List<Vocabulary> vocabularies;
  private final boolean unknownColumn;

  FittedEncoder(List<Vocabulary> vocabularies, boolean unknownColumn) {
    this.vocabularies = List.copyOf(vocabularies);
    this.unknownColumn = unknownColumn;
  }

  /** The encoder of data without categorical columns: passes every dataset through. */
  public static FittedEncoder none() {
    return NONE;
  }

  public List<Vocabulary> vocabularies() {
    return vocabularies;
  }

  /** True when each categorical column has an extra {@code <unknown>} indicator column. */
  public boolean unknownColumn() {
    return unknownColumn;
  }

  /** The number of output columns for {@code numericColumns} numeric input columns. */
  public int outputColumns(int numericColumns) {
    int n = numericColumns;
    for (Vocabulary v : vocabularies) {
      n += v.values().size() + (unknownColumn ? 1 : 0);
    }
    return n;
  }

  /**
   * The names of the output columns for numeric input columns {@code numericNames}: those names, then
   * {@code column=value} per training value (and {@code column=<unknown>}) of each categorical column.
   */
  public List<String> outputNames(List<String> numericNames) {
    List<String> names = new ArrayList<>(numericNames);
    for (Vocabulary v : vocabularies) {
      for (String value : v.values()) {
        names.add(v.column() + "=" + value);
      }
      if (unknownColumn) {
        names.add(v.column() + "=" + OneHotEncoder.UNKNOWN);
      }
    }
    return names;
  }

  /**
   * The numeric columns of {@code data} followed by one indicator column per training value
   * ({@code service=http}, ...) of each categorical column; labels, row ids and parts are kept.
   *
   * @throws UserException if {@code data} lacks a categorical column the encoder was fitted on
   */
  public Encoded transform(Dataset data) {
    Map<String, Integer> unseen = new LinkedHashMap<>();
    int[] unseenPerRow = new int[data.rows()];
    if (vocabularies.isEmpty()) {
      return new Encoded(data, unseen, unseenPerRow);
    }
    int inColumns = data.columns();
    int outColumns = outputColumns(inColumns);
    // Per column: each input code's output offset (relative to the row start), or -1 when unseen.
    List<int[]> offsets = new ArrayList<>();
    int[] unknownOffsets = new int[vocabularies.size()];
    List<CategoricalColumn> inputs = new ArrayList<>();
    int at = inColumns;
    for (Vocabulary v : vocabularies) {
      CategoricalColumn column = find(data, v.column());
      Map<String, Integer> slot = new HashMap<>();
      for (int i = 0; i < v.values().size(); i++) {
        slot.put(v.values().get(i), at + i);
      }
      unknownOffsets[inputs.size()] = unknownColumn ? at + v.values().size() : -1;
      int[] codeOffset = new int[column.levels().size()];
      for (int code = 0; code < codeOffset.length; code++) {
        Integer s = slot.get(column.levels().get(code));
        codeOffset[code] = s != null ? s : -1;
      }
      offsets.add(codeOffset);
      inputs.add(column);
      at += v.values().size() + (unknownColumn ? 1 : 0);
    }
    float[] in = data.values();
    float[] out = new float[data.rows() * outColumns];
    int[] unseenCounts = new int[vocabularies.size()];
    for (int r = 0; r < data.rows(); r++) {
      int base = r * outColumns;
      System.arraycopy(in, r * inColumns, out, base, inColumns);
      for (int c = 0; c < inputs.size(); c++) {
        int offset = offsets.get(c)[inputs.get(c).code(r)];
        if (offset >= 0) {
          out[base + offset] = 1f;
        } else {
          unseenCounts[c]++;
          unseenPerRow[r]++;
          if (unknownOffsets[c] >= 0) {
            out[base + unknownOffsets[c]] = 1f;
          }
        }
      }
    }
    for (int c = 0; c < vocabularies.size(); c++) {
      unseen.put(vocabularies.get(c).column(), unseenCounts[c]);
    }
    return new Encoded(data.withFeatures(outColumns, out, outputNames(data.featureNames())), unseen,
        unseenPerRow);
  }

  /**
   * Writes the vocabularies; {@link OneHotEncoder#load} with the same {@code unknown_column} reads
   * them back. Names and values are joined by line breaks, which no cell of a CSV file can hold, and
   * the number of values per column is kept beside them, so that empty values survive too.
   *
   * @throws IllegalArgumentException if a name or value holds a line break (not from a CSV file)
   */
  public void save(StateWriter out) {
    int[] sizes = new int[vocabularies.size()];
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int c = 0; c < sizes.length; c++) {
      Vocabulary v = vocabularies.get(c);
      sizes[c] = v.values().size();
      columns.add(requireOneLine(v.column()));
      v.values().forEach(value -> values.add(requireOneLine(value)));
    }
    out.ints("sizes", sizes);
    out.text("columns", String.join("\n", columns));
    out.text("values", String.join("\n", values));
  }

  private static String requireOneLine(String text) {
    if (text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a categorical name or value with a line break cannot be saved: "
          + text.replace("\n", "\\n"));
    }
    return text;
  }

  private static CategoricalColumn find(Dataset data, String name) {
    for (CategoricalColumn c : data.categoricalColumns()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw new UserException("dataset '" + data.name() + "' has no categorical column '" + name
        + "' to encode; the encoder was fitted on data that had one");
  }
}

package ad.spark.score;

import ad.core.CategoricalColumn;
import ad.core.Dataset;
import ad.core.UserException;
import ad.core.data.csv.Numbers;
import ad.eval.pipeline.InputColumns;
import java.nio.charset.StandardCharsets;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Turns Spark rows into the raw rows a pipeline reads: its numeric input columns as 32-bit floats
 * (from any numeric Parquet type, or parsed from CSV text) and its categorical columns as codes into
 * the batch's distinct values. Columns are found by name, in any order; other columns are ignored.
 *
 * <p>The rules are those of {@code ad score} on CSV: a numeric cell must be a finite number in float
 * range; an empty categorical cell is the empty category.
 */
final class RawRows implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String inputName;
  private final List<String> numeric;
  private final List<String> categorical;
  private final int[] numericField;
  private final int[] categoricalField;
  /** The column that names rows in messages, or -1 (rows are then counted within their partition). */
  private final int idField;

  private RawRows(String inputName, List<String> numeric, List<String> categorical, int[] numericField,
      int[] categoricalField, int idField) {
    this.inputName = inputName;
    this.numeric = numeric;
    this.categorical = categorical;
    this.numericField = numericField;
    this.categoricalField = categoricalField;
    this.idField = idField;
  }

  /**
   * Finds the pipeline's input columns in {@code schema}.
   *
   * @param idColumn a column naming rows in messages, or null
   * @throws UserException naming the input and the column when one the pipeline reads is missing
   */
  static RawRows of(InputColumns inputs, StructType schema, String inputName, String idColumn) {
    List<String> header = List.of(schema.fieldNames());
    int[] numericField = new int[inputs.numeric().size()];
    for (int j = 0; j < numericField.length; j++) {
      numericField[j] = require(header, inputs, inputs.numeric().get(j), "", inputName);
    }
    List<String> categorical = inputs.categorical();
    int[] categoricalField = new int[categorical.size()];
    for (int c = 0; c < categoricalField.length; c++) {
      categoricalField[c] = require(header, inputs, categorical.get(c), "categorical ", inputName);
    }
    int idField = idColumn == null ? -1 : header.indexOf(idColumn);
    if (idColumn != null && idField < 0) {
      throw new UserException(inputName + ": no column '" + idColumn + "' for --id-column; the input has "
          + header.size() + " columns: " + abbreviate(header));
    }
    return new RawRows(inputName, List.copyOf(inputs.numeric()), List.copyOf(categorical), numericField,
        categoricalField, idField);
  }

  private static int require(List<String> header, InputColumns inputs, String column, String kind, String inputName) {
    int field = header.indexOf(column);
    if (field >= 0) {
      return field;
    }
    throw new UserException(inputName + ": the model needs " + kind + "column '" + column
        + "', which the input lacks: the model reads " + inputs.numeric().size() + " numeric columns ("
        + abbreviate(inputs.numeric()) + ")" + (inputs.hasCategorical() ? " and " + inputs.categorical().size()
        + " categorical columns (" + abbreviate(inputs.categorical()) + ")" : "") + "; the input has "
        + header.size() + " columns: " + abbreviate(header));
  }

  /**
   * The raw dataset of {@code rows}.
   *
   * @param firstInPartition the position of {@code rows.get(0)} in its partition, for messages
   * @throws UserException naming the input, the row and the column for a cell that is not a number
   */
  Dataset batch(List<Row> rows, int partition, long firstInPartition) {
    int n = rows.size();
    int columns = numericField.length;
    float[] values = new float[n * columns];
    for (int i = 0; i < n; i++) {
      Row row = rows.get(i);
      for (int j = 0; j < columns; j++) {
        values[i * columns + j] = number(row, j, partition, firstInPartition + i);
      }
    }
    Dataset raw = Dataset.of("batch", n, columns, values, numeric, null);
    if (categoricalField.length == 0) {
      return raw;
    }
    List<CategoricalColumn> encoded = new ArrayList<>(categoricalField.length);
    for (int c = 0; c < categoricalField.length; c++) {
      Map<String, Integer> codeOf = new HashMap<>();
      List<String> levels = new ArrayList<>();
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        Object cell = rows.get(i).get(categoricalField[c]);
        String value = cell == null ? "" : cell.toString();
        codes[i] = codeOf.computeIfAbsent(value, v -> {
          levels.add(v);
          return levels.size() - 1;
        });
      }
      encoded.add(new CategoricalColumn(categorical.get(c), levels, codes));
    }
    return raw.withCategoricalColumns(encoded);
  }

  private float number(Row row, int j, int partition, long position) {
    Object cell = row.get(numericField[j]);
    double value;
    if (cell instanceof Number number) {
      value = number.doubleValue();
    } else if (cell instanceof String text) {
      // CSV text: the grammar ad score's CSV reader accepts, to the same float.
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      value = Numbers.parseFloat(bytes, 0, bytes.length);
    } else {
      value = Double.NaN;
    }
    float f = (float) value;
    if (!Float.isFinite(f)) {
      throw new UserException(inputName + ", " + rowName(row, partition, position) + ": column '"
          + numeric.get(j) + "' expected a number, got " + (cell == null ? "an empty cell" : "'" + cell + "'")
          + (Double.isNaN(value) ? "" : " (outside the range of a 32-bit float)"));
    }
    return f;
  }

  private String rowName(Row row, int partition, long position) {
    return idField >= 0 ? "row '" + row.get(idField) + "'"
        : "row " + (position + 1) + " of partition " + partition;
  }

  private static String abbreviate(List<String> names) {
    return names.size() <= 8 ? String.join(", ", names) : String.join(", ", names.subList(0, 8)) + ", ...";
  }
}

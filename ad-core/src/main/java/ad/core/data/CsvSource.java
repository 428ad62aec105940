package ad.core.data;

import ad.core.CategoricalColumn;
import ad.core.Dataset;
import ad.core.data.csv.CsvReader;
import ad.core.data.csv.Table;
import ad.core.data.csv.TableReader;
import ad.core.registry.OptionException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A labelled table from a CSV file ({@code type: csv}), plain or gzip (detected from the content).
 *
 * <p>Features are the {@code features} columns, or every column but the label and {@code drop}.
 * {@code categorical} feature columns are kept as strings beside the numeric values (see
 * {@link Dataset#categoricalColumns()}) for {@code ad.core.encode.OneHotEncoder} to encode after the
 * split; every other feature cell must be a finite number.
 *
 * <p>With {@code test_path}, the second file (same columns) is appended after the first and the rows
 * are marked {@link Dataset.Part#TRAIN} (first file) and {@link Dataset.Part#TEST} (second), for the
 * {@code fixed} protocol; other protocols pool the rows.
 *
 * @param path the file, relative to the data root (absolute allowed)
 * @param testPath optional second file with the given test rows
 * @param labelColumn default {@code label}
 * @param anomalyValues label values meaning anomalous (default {@code ["1"]}, strict 0/1)
 * @param normalValues or: label values meaning normal, every other value anomalous
 * @param features optional list of feature columns
 * @param drop columns that are not features (metadata), default none
 * @param categorical feature columns to one-hot encode after the split, default none
 */
public record CsvSource(
    @JsonPropertyDescription("the CSV file (plain or gzip), relative to the data root; absolute allowed")
    @NotBlank String path,
    @JsonPropertyDescription("a second file with the same columns holding the given test rows (for "
        + "protocol: fixed)") String testPath,
    @JsonPropertyDescription("the column holding the labels") String labelColumn,
    @JsonPropertyDescription("label values meaning anomalous, every other value normal; default: 1 "
        + "anomalous, 0 normal, anything else an error") @Size(min = 1) List<String> anomalyValues,
    @JsonPropertyDescription("or: label values meaning normal, every other value anomalous")
    @Size(min = 1) List<String> normalValues,
    @JsonPropertyDescription("the feature columns; default: every column but the label and 'drop'")
    @Size(min = 1) List<String> features,
    @JsonPropertyDescription("columns that are not features (ids, metadata)") List<String> drop,
    @JsonPropertyDescription("feature columns to one-hot encode, with the categories of the training "
        + "split") List<String> categorical)
    implements DatasetSource {

  public CsvSource {
    if (path == null || path.isBlank()) {
      throw new OptionException("path", "is required: the CSV file, relative to the data root");
    }
    labelColumn = Options.orDefault(labelColumn, "label");
    new LabelRule(anomalyValues, normalValues);
    if (features != null) {
      features = Options.nonEmpty("features", features);
    }
    drop = List.copyOf(Options.orDefault(drop, List.of()));
    categorical = List.copyOf(Options.orDefault(categorical, List.of()));
  }

  /**
   * The CSV file at {@code path} (plain or gzip), with a 0/1 {@code label} column (1 = anomalous) and
   * every other column a numeric feature: {@code type: csv} with only {@code path} given.
   */
  public static CsvSource of(String path) {
    return new CsvSource(path, null, null, null, null, null, null, null);
  }

  @Override
  public Dataset load(DataContext context) {
    TableReader tables = new TableReader(labelColumn, features, drop, categorical, List.of(),
        new LabelRule(anomalyValues, normalValues));
    List<Table> parts = new ArrayList<>();
    parts.add(read(tables, DataFiles.existing(context, "path", path), path));
    if (testPath != null) {
      parts.add(read(tables, DataFiles.existing(context, "test_path", testPath), testPath));
    }
    return assemble(tables, parts);
  }

  private static Table read(TableReader tables, Path file, String name) {
    try (CsvReader reader = CsvReader.open(file, name)) {
      return tables.read(reader);
    }
  }

  private Dataset assemble(TableReader tables, List<Table> parts) {
    int width = tables.numericNames().size();
    int rows = parts.stream().mapToInt(Table::rows).sum();
    if (rows == 0) {
      throw new ad.core.UserException(path + ": no data rows after the header");
    }
    if (parts.size() == 1) {
      Table t = parts.get(0);
      return Dataset.of(baseName(path), rows, width, t.values(), tables.numericNames(), t.labels())
          .withCategoricalColumns(tables.categoricalColumns(t.categoricalCodes()));
    }
    float[] values = new float[rows * width];
    boolean[] labels = new boolean[rows];
    int[][] codes = new int[categorical.size()][rows];
    Dataset.Part[] marks = new Dataset.Part[rows];
    int at = 0;
    for (int p = 0; p < parts.size(); p++) {
      Table t = parts.get(p);
      System.arraycopy(t.values(), 0, values, at * width, t.rows() * width);
      System.arraycopy(t.labels(), 0, labels, at, t.rows());
      for (int c = 0; c < codes.length; c++) {
        System.arraycopy(t.categoricalCodes()[c], 0, codes[c], at, t.rows());
      }
      Arrays.fill(marks, at, at + t.rows(), p == 0 ? Dataset.Part.TRAIN : Dataset.Part.TEST);
      at += t.rows();
    }
    List<CategoricalColumn> columns = tables.categoricalColumns(codes);
    return Dataset.of(baseName(path), rows, width, values, tables.numericNames(), labels)
        .withCategoricalColumns(columns).withParts(marks);
  }

  /** "network/kddcup99_10pct.csv.gz" -> "kddcup99_10pct", a default name the runner overrides. */
  public static String baseName(String path) {
    String name = Path.of(path).getFileName().toString();
    for (String ext : List.of(".gz", ".csv", ".txt")) {
      if (name.endsWith(ext)) {
        name = name.substring(0, name.length() - ext.length());
      }
    }
    return name;
  }
}

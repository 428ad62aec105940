package ad.eval.run;

import ad.eval.io.AtomicFiles;
import ad.eval.spec.ExperimentSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes results.csv and results.json, each atomically and in full, after every finished cell.
 *
 * <p>Both files hold the same rows with the same snake_case column names, in the order of
 * {@link CellResult}'s components. results.json also holds the resolved spec (every option with its
 * default filled in), so that a result can be traced to exactly what produced it.
 */
final class ResultsWriter {
  private final ObjectMapper json = SpecJson.MAPPER;
  private final CsvMapper csv = new CsvMapper();
  private final Path csvFile;
  private final Path jsonFile;
  private final Map<String, Object> specSummary;
  private final List<String> measures;

  ResultsWriter(Path outputDir, ExperimentSpec spec) {
    this.csvFile = outputDir.resolve("results.csv");
    this.jsonFile = outputDir.resolve("results.json");
    this.specSummary = SpecJson.describe(spec);
    this.measures = spec.options().metrics();
  }

  void write(List<CellResult> results) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CellResult r : results) {
      rows.add(toRow(r));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("experiment", specSummary.get("name"));
    document.put("spec", specSummary);
    document.put("results", rows);
    try {
      byte[] jsonBytes = json.writeValueAsBytes(document);
      AtomicFiles.write(jsonFile, jsonBytes);
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
      for (String column : columns()) {
        schema.addColumn(column);
      }
      byte[] csvBytes = csv.writer(schema.build()).writeValueAsBytes(rows);
      AtomicFiles.write(csvFile, csvBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Column names in file order: the fixed columns, the spec's extra measures, and the timings last,
   * so that everything but the last columns is identical between runs of the same spec.
   */
  List<String> columns() {
    List<String> out = new ArrayList<>();
    List<String> timings = new ArrayList<>();
    for (var component : CellResult.class.getRecordComponents()) {
      String name = PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(component.getName());
      if (name.equals("measures")) {
        out.addAll(measures);
      } else if (name.endsWith("_seconds")) {
        timings.add(name);
      } else {
        out.add(name);
      }
    }
    out.addAll(timings);
    return out;
  }

  /** A flat row: measures as columns, NaN as null (which JSON can represent and CSV writes empty). */
  private Map<String, Object> toRow(CellResult r) {
    LinkedHashMap<String, Object> fields = json.convertValue(r, SpecJson.MAP);
    Map<String, Object> row = new LinkedHashMap<>();
    for (String column : columns()) {
      Object value = fields.containsKey(column) ? fields.get(column) : r.measures().get(column);
      row.put(column, value instanceof Double d && !Double.isFinite(d) ? null : value);
    }
    return row;
  }
}

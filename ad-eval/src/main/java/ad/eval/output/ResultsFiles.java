package ad.eval.output;

import ad.eval.cell.CellResult;
import ad.eval.io.AtomicFiles;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes results.csv and results.json, each atomically and in full, after every finished cell.
 *
 * <p>Both files hold the same rows with the same snake_case column names, in the order
 * {@link ResultColumns} declares. results.json also holds the resolved spec (every option with its
 * default filled in), so that a result can be traced to exactly what produced it.
 */
public final class ResultsFiles {
  private final ObjectMapper json = SpecJson.MAPPER;
  private final CsvMapper csv = new CsvMapper();
  private final Path csvFile;
  private final Path jsonFile;
  private final Map<String, Object> specSummary;
  private final ResultColumns columns;

  public ResultsFiles(Path outputDir, ExperimentSpec spec) {
    this.csvFile = outputDir.resolve("results.csv");
    this.jsonFile = outputDir.resolve("results.json");
    this.specSummary = SpecJson.describe(spec);
    this.columns = ResultColumns.of(spec.options().metrics());
  }

  /** @param cells the finished cells in the experiment's cell order */
  public void write(List<CellResult> cells) {
    List<Map<String, Object>> rows = columns.rows(cells);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("experiment", specSummary.get("name"));
    document.put("spec", specSummary);
    document.put("results", rows);
    try {
      AtomicFiles.write(jsonFile, json.writeValueAsBytes(document));
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
      for (String column : columns.names()) {
        schema.addColumn(column);
      }
      AtomicFiles.write(csvFile, csv.writer(schema.build()).writeValueAsBytes(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

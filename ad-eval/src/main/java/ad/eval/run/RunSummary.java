package ad.eval.run;

import ad.eval.cell.CellResult;
import ad.eval.cell.ResultRow;
import java.nio.file.Path;
import java.util.List;

/** What a run produced: its cells (in cell order) and where the files are. */
public record RunSummary(Path outputDirectory, List<CellResult> cells, double wallSeconds) {

  public RunSummary {
    cells = List.copyOf(cells);
  }

  /** The rows of results.csv, in order: one per cell and thresholder. */
  public List<ResultRow> results() {
    return cells.stream().flatMap(c -> c.rows().stream()).toList();
  }

  public long failedCount() {
    return results().stream().filter(ResultRow::failed).count();
  }
}

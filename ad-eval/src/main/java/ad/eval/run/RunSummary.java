package ad.eval.run;

import java.nio.file.Path;
import java.util.List;

/** What a run produced: its rows (in cell order) and where the files are. */
public record RunSummary(Path outputDirectory, List<CellResult> results, double wallSeconds) {

  public RunSummary {
    results = List.copyOf(results);
  }

  public long failedCount() {
    return results.stream().filter(CellResult::failed).count();
  }
}

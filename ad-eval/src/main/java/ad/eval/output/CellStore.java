package ad.eval.output;

import ad.core.UserException;
import ad.eval.cell.CellIdentity;
import ad.eval.cell.CellResult;
import ad.eval.io.AtomicFiles;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finished cells on disk, one file each ({@code cells/<id>.json}): the {@link CellResult} as JSON,
 * written atomically as soon as the cell finishes. A re-run of the same experiment reuses every cell
 * whose file is there and holds results (a cell that failed as a whole, say on data or a model that
 * would not fit, is run again; rows failed by a thresholder alone would fail again the same way and
 * are kept).
 *
 * <p>Files written before cells became plain values ({@code {"id", "rows", "curves"}}, one flat row
 * per thresholder) are read too, through {@link LegacyCell}, so an interrupted run resumes across the
 * upgrade.
 */
public final class CellStore {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  private final Path directory;

  public CellStore(Path directory) {
    this.directory = directory;
  }

  /** The stored result of cell {@code id}, if there is a readable one with results. */
  public Optional<CellResult> load(String id) {
    Path file = file(id);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode tree = JSON.readTree(file.toFile());
      CellResult cell = LegacyCell.isLegacy(tree) ? LegacyCell.read(tree, JSON)
          : JSON.treeToValue(tree, CellResult.class);
      return cell != null && cell.cell() != null && id.equals(cell.cell().id()) && cell.curves() != null
          && cell.hasResults() ? Optional.of(cell) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      // A damaged or foreign file is not worth failing a run for: the cell simply runs again.
      return Optional.empty();
    }
  }

  /** Stores a finished cell; the caller stores only cells with results ({@link CellResult#hasResults()}). */
  public void save(CellResult cell) {
    CellIdentity id = cell.cell();
    try {
      AtomicFiles.write(file(id.id()), JSON.writeValueAsBytes(cell));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise cell " + id.id(), e);
    }
  }

  /** Forgets every stored cell ({@code --fresh}). */
  public void clear() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (var files = Files.list(directory)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UserException("cannot clear " + directory + ": " + e.getMessage(), e);
    }
  }

  private Path file(String id) {
    return directory.resolve(id + ".json");
  }
}

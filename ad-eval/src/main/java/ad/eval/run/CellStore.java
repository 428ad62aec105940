package ad.eval.run;

import ad.eval.io.AtomicFiles;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finished cells on disk, one file each ({@code cells/<id>.json}), written atomically as soon as a
 * cell finishes. A re-run of the same experiment skips every cell whose file is there and whose model
 * fitted (rows failed by a thresholder alone would fail again the same way).
 */
final class CellStore {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  private final Path directory;

  /** What a finished cell left: its rows (one per thresholder) and its curves. */
  record StoredCell(String id, List<CellResult> rows, CellCurves curves) {}

  CellStore(Path directory) {
    this.directory = directory;
  }

  Optional<StoredCell> load(String id) {
    Path file = file(id);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      StoredCell cell = JSON.readValue(file.toFile(), StoredCell.class);
      return cell.id().equals(id) && cell.curves() != null
          && cell.rows().stream().anyMatch(r -> !r.failed()) ? Optional.of(cell) : Optional.empty();
    } catch (IOException e) {
      // A damaged or foreign file is not worth failing a run for: the cell simply runs again.
      return Optional.empty();
    }
  }

  void save(StoredCell cell) {
    try {
      AtomicFiles.write(file(cell.id()), JSON.writeValueAsBytes(cell));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise cell " + cell.id(), e);
    }
  }

  /** Forgets every stored cell ({@code --fresh}). */
  void clear() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (var files = Files.list(directory)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new ad.core.UserException("cannot clear " + directory + ": " + e.getMessage(), e);
    }
  }

  private Path file(String id) {
    return directory.resolve(id + ".json");
  }
}

package ad.spark.grid;

import ad.core.registry.Registry;
import ad.eval.cell.CellSpec;
import ad.eval.cell.PreparedSplit;
import ad.eval.cell.RegistryResolver;
import ad.eval.run.CellOutcome;
import ad.eval.run.CellTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One cell on an executor: its components built from this JVM's registry, its split prepared from the
 * broadcast dataset, the cell evaluated, its files written to a scratch folder and read back to be
 * sent with the outcome (the driver writes them; a retried task leaves no half-written file behind).
 */
final class CellJob {
  private CellJob() {}

  /** The registry of this executor JVM, found once on first use; immutable, shared by its tasks. */
  private static final class Components {
    static final RegistryResolver RESOLVER = new RegistryResolver(Registry.load());
  }

  static ShippedOutcome run(ShippedCell shipped) throws IOException {
    CellSpec cell = shipped.cell();
    Path scratch = Files.createTempDirectory("ad-cell-" + cell.id() + "-");
    try {
      CellOutcome outcome = CellTask.run(cell, Components.RESOLVER, (components, warn) -> PreparedSplit.prepare(
          shipped.data().value(), cell.seed(), components.protocol(), components.scaler(),
          cell.settings().perFileModels(), warn), scratch, shipped.sharing());
      return new ShippedOutcome(outcome, ShippedFile.collect(scratch));
    } finally {
      delete(scratch);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the scratch folder " + folder, e);
    }
  }
}

package ad.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.data.DataContext;
import ad.eval.cell.CellSpec;
import ad.eval.cell.LoadedDataset;
import ad.eval.cell.PreparedSplit;
import ad.eval.cell.RegistryResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler seam: cells evaluated as another process would evaluate them (cell specs and loaded
 * datasets Java-serialised in, components rebuilt from the registry, files written to a scratch
 * folder and copied back, outcomes serialised out, in another order, one of them handed back twice)
 * give the in-process run's results.
 */
class ShippedCellsTest {
  @TempDir
  Path temp;

  /** What a remote scheduler does, without the remote part. */
  static final class ShippingScheduler implements CellScheduler {
    private final Path scratch;

    ShippingScheduler(Path scratch) {
      this.scratch = scratch;
    }

    @Override
    public void run(List<CellSpec> cells, RunContext run, Consumer<CellOutcome> finished) {
      SpecResolver driver = new SpecResolver(run.spec());
      Map<String, byte[]> datasets = new HashMap<>();
      for (CellSpec cell : cells) {
        String name = cell.dataset().name();
        datasets.computeIfAbsent(name, n -> bytes(LoadedDataset.load(n, driver.dataset(n), run.data())));
      }
      RegistryResolver executor = new RegistryResolver(ExperimentRunnerTest.registry());
      List<CellSpec> order = new ArrayList<>(cells);
      java.util.Collections.reverse(order);
      CellOutcome firstBack = null;
      for (CellSpec sent : order) {
        CellSpec cell = copy(sent);
        LoadedDataset data = (LoadedDataset) object(datasets.get(cell.dataset().name()));
        Path folder = scratch.resolve(cell.id());
        CellOutcome outcome = CellTask.run(cell, executor, (components, warn) -> PreparedSplit.prepare(data,
            cell.seed(), components.protocol(), components.scaler(), cell.settings().perFileModels(), warn), folder,
            ad.core.MemoryAdvice.HeapSharing.workers(1));
        copyTree(folder, run.outputDirectory());
        CellOutcome back = copy(outcome);
        firstBack = firstBack == null ? back : firstBack;
        finished.accept(back);
      }
      finished.accept(firstBack);
    }

    @Override
    public int workers(int pending) {
      return 1;
    }

    @Override
    public String description() {
      return "shipped (test)";
    }
  }

  @Test
  void shippedCellsGiveTheInProcessResults() throws IOException {
    String yaml = ExperimentRunnerTest.SPEC.replace("charts: false\n", "").replace("seeds: [1, 2, 3]", "seeds: [1]")
        + "metrics: [mcc, average_precision]\n";
    compare(yaml, 4);
  }

  @Test
  void shippedSeriesCellsGiveTheInProcessResultsAndPoints() throws IOException {
    ExperimentRunnerTest.writeWaves(temp);
    String yaml = """
        name: series-shipped
        seeds: [1, 2]
        charts: false
        save_point_scores: true
        series_models: per_file
        datasets:
          - {name: waves, type: series, paths: ["s*.csv"], window: 10, stride: 1, train_prefix: 150}
        protocol: {type: fixed, validation_fraction: 0.2}
        scaler: standard
        point_scores: max
        detectors:
          - {name: dist, type: distance, jitter: 0.1}
        thresholders:
          - {type: percentile, q: 99}
          - {type: mean_std, k: 3, fit_on: train}
        """;
    compare(yaml, 2);
    try (Stream<Path> points = Files.list(temp.resolve("local/points"))) {
      for (Path p : points.toList()) {
        assertEquals(Files.readString(p), Files.readString(temp.resolve("shipped/points").resolve(p.getFileName())));
      }
    }
  }

  private void compare(String yaml, int cells) throws IOException {
    Path local = temp.resolve("local");
    Path shipped = temp.resolve("shipped");
    new ExperimentRunner(ExperimentRunnerTest.spec(yaml), new DataContext(temp, temp), local, RunListener.SILENT,
        new ExperimentRunner.Settings(2, false)).run();
    RunSummary summary = new ExperimentRunner(ExperimentRunnerTest.spec(yaml), new DataContext(temp, temp), shipped,
        RunListener.SILENT, ExperimentRunner.Settings.DEFAULT, new ShippingScheduler(temp.resolve("scratch"))).run();
    assertEquals(cells, summary.cells().size(), "the cell handed back twice is recorded once");
    assertEquals(ExperimentRunnerTest.withoutTimings(local.resolve("results.csv")),
        ExperimentRunnerTest.withoutTimings(shipped.resolve("results.csv")));
    assertEquals(files(local, "charts"), files(shipped, "charts"));
    assertEquals(files(local, "cells"), files(shipped, "cells"));
    assertTrue(Files.readString(shipped.resolve("run.json")).contains("\"scheduler\" : \"shipped (test)\""));
    assertTrue(Files.size(shipped.resolve("report.html")) > 1000);
  }

  private static List<String> files(Path root, String folder) throws IOException {
    if (!Files.isDirectory(root.resolve(folder))) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(root.resolve(folder))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static <T extends Serializable> T copy(T value) {
    return (T) object(bytes(value));
  }

  static byte[] bytes(Serializable value) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  static Object object(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}

package ad.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.CoreComponents;
import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.data.DataContext;
import ad.core.registry.ComponentType;
import ad.core.registry.Options;
import ad.core.registry.Registry;
import ad.eval.cell.ResultRow;
import ad.eval.cell.Status;
import ad.eval.spec.SpecReader;
import ad.eval.threshold.ThresholderComponents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell that runs out of memory fails alone, and its advice fits the run: running fewer cells at once
 * is advised only when several ran at once (an OutOfMemoryError thrown by the cell's thread, or one from
 * a worker thread of its own, which arrives wrapped).
 */
class OutOfMemoryAdviceTest {
  @TempDir
  Path temp;

  /** Runs out of memory in {@code fit}: on the cell's thread, or wrapped as another thread's would be. */
  record MemoryHungryDetector(Boolean wrapped) implements Detector {
    MemoryHungryDetector {
      wrapped = Options.orDefault(wrapped, false);
    }

    @Override
    public DetectorModel fit(Dataset train, long seed) {
      OutOfMemoryError error = new OutOfMemoryError("Java heap space");
      if (wrapped) {
        throw new IllegalStateException("a worker failed", error);
      }
      throw error;
    }
  }

  private List<ResultRow> run(int workers) {
    List<ComponentType<?, ?>> all = new ArrayList<>(new CoreComponents().components());
    all.addAll(new ThresholderComponents().components());
    all.add(ComponentType.of(Detector.class, "hungry", "for tests", MemoryHungryDetector.class, d -> d));
    String yaml = """
        name: memory
        seeds: [1, 2]
        charts: false
        datasets:
          - {name: g, type: synthetic, dimensions: 3, normal: {count: 100}, anomalies: {count: 5, mean: 4}}
        detectors:
          - {name: hungry, type: hungry}
          - {name: hungry-wrapped, type: hungry, wrapped: true}
        """;
    return new ExperimentRunner(new SpecReader(new Registry(all)).read(temp.resolve("memory.yaml"), yaml),
        new DataContext(temp, temp), temp.resolve("out-" + workers), RunListener.SILENT,
        new ExperimentRunner.Settings(workers, false)).run().results();
  }

  @Test
  void atOneWorkerTheAdviceIsTheHeapOrASmallerModel() {
    List<ResultRow> rows = run(1);
    assertEquals(4, rows.size());
    for (ResultRow row : rows) {
      assertEquals(Status.FAILED, row.status(), row.detector());
      String error = row.error();
      assertTrue(error.startsWith("ran out of memory (Java heap space): this cell needed more than the "), error);
      assertTrue(error.contains("no other cell ran beside it") && error.contains("AD_JAVA_OPTS=-Xmx")
          && error.contains("make the model or its batches (batch_size) smaller"), error);
      assertFalse(error.contains("--workers") || error.contains("run fewer cells"), error);
    }
  }

  @Test
  void atTwoWorkersItAlsoAdvisesOneWorker() {
    List<ResultRow> rows = run(2);
    assertEquals(4, rows.size());
    for (ResultRow row : rows) {
      assertEquals(Status.FAILED, row.status(), row.detector());
      String error = row.error();
      assertTrue(error.contains("shared by the 2 cells that may run at once") && error.contains("AD_JAVA_OPTS=-Xmx")
          && error.contains("run fewer cells at once (--workers 1)"), error);
      assertFalse(error.contains("no other cell"), error);
    }
  }
}

package ad.eval.run;

import ad.core.MemoryAdvice;
import ad.core.UserException;
import ad.eval.cell.CellComponents;
import ad.eval.cell.CellEvaluator;
import ad.eval.cell.CellResult;
import ad.eval.cell.CellSpec;
import ad.eval.cell.ComponentResolver;
import ad.eval.cell.EvaluatedCell;
import ad.eval.cell.PreparedSplit;
import ad.eval.output.CellFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One cell from start to end wherever it runs: its components built, its split prepared, the cell
 * evaluated, and its own files (charts, models, points) written under {@code outputDirectory}. Never
 * throws for the cell's own trouble: the outcome is then a failed result with the reason.
 */
public final class CellTask {
  private CellTask() {}

  /** Where a cell's prepared split comes from. */
  @FunctionalInterface
  public interface SplitSource {
    /**
     * @param warn hears what preparing the split has to say (categories training never saw)
     * @throws UserException for data that cannot be loaded or split, which fails the cell
     */
    PreparedSplit prepare(CellComponents components, Consumer<String> warn);
  }

  /**
   * @param sharing how many cells share this JVM's heap and how the user runs fewer: what a cell that
   *     runs out of memory is told to change
   */
  public static CellOutcome run(CellSpec cell, ComponentResolver resolver, SplitSource split, Path outputDirectory,
      MemoryAdvice.HeapSharing sharing) {
    CellComponents components;
    try {
      components = resolver.resolve(cell);
    } catch (RuntimeException e) {
      return failed(cell, "internal error: " + e);
    }
    List<String> warnings = new ArrayList<>();
    EvaluatedCell evaluated = CellEvaluator.evaluate(cell, components, () -> split.prepare(components, warnings::add),
        sharing);
    warnings.addAll(evaluated.warnings());
    try {
      CellFiles.write(evaluated.artifacts(), outputDirectory, cell.settings().chartFormat());
    } catch (UserException e) {
      return failed(cell, e.getMessage());
    } catch (RuntimeException e) {
      return failed(cell, "internal error: " + e);
    } catch (OutOfMemoryError e) {
      return failed(cell, MemoryAdvice.outOfMemory(e, sharing));
    }
    return new CellOutcome(cell.index(), evaluated.result(), warnings);
  }

  private static CellOutcome failed(CellSpec cell, String error) {
    return new CellOutcome(cell.index(), CellResult.failed(cell, error), List.of());
  }
}

package ad.eval.run;

import ad.eval.cell.CellSpec;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the cells of a run are evaluated: {@link InProcessScheduler} here, on a pool of threads;
 * another scheduler (Spark's, in {@code ad-spark}) elsewhere. The run around it is the same: cells
 * expanded and resumed before, results, stored cells, report and run.json written after, as each
 * cell comes back.
 */
public interface CellScheduler {

  /**
   * Evaluates every cell of {@code cells} and hands each one to {@code finished} as soon as it is
   * done, its files (charts, models, points) already written under the run's output folder. Calls to
   * {@code finished} come one at a time, in any order. A cell's own failure (bad data, a model that
   * does not fit, an internal error) is a failed result, not an exception.
   *
   * @throws ad.core.UserException if the run as a whole cannot go on (interrupted, say); finished
   *     cells have been handed over by then
   */
  void run(List<CellSpec> cells, RunContext run, Consumer<CellOutcome> finished);

  /** How many cells it evaluates at once when {@code pending} cells are left (for run.json, after the run). */
  int workers(int pending);

  /** Where it runs the cells, in a few words for run.json ({@code in process}, {@code spark local[2]}). */
  String description();
}

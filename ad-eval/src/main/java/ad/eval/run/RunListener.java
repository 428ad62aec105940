package ad.eval.run;

import ad.eval.cell.CellResult;

/** Hears about progress; the command line prints it, tests ignore it. */
public interface RunListener {

  /**
   * Called once the run knows its cells, before any runs: {@code total} in the experiment,
   * {@code done} of them already finished by an earlier run and kept.
   */
  default void runStarted(int total, int done) {}

  /** Called before a cell starts; {@code index} is 1-based. */
  default void cellStarted(int index, int total, String dataset, String detector, long seed) {}

  /** Called as each cell finishes, {@code done} of {@code total} cells being finished then. */
  default void cellFinished(int done, int total, CellResult cell) {}

  /** Something worth telling the user that is not an error (e.g. a fallback was taken); each once per run. */
  default void warn(String message) {}

  RunListener SILENT = new RunListener() {};
}

package ad.eval.run;

/** Hears about progress; the command line prints it, tests ignore it. */
public interface RunListener {

  /** Called before a cell starts; {@code index} is 1-based. */
  default void cellStarted(int index, int total, String dataset, String detector, long seed) {}

  default void cellFinished(int index, int total, CellResult result) {}

  /** Something worth telling the user that is not an error (e.g. a fallback was taken). */
  default void warn(String message) {}

  RunListener SILENT = new RunListener() {};
}

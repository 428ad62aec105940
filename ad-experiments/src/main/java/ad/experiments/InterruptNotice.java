package ad.experiments;

import ad.eval.cell.CellResult;
import ad.eval.run.RunListener;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run says when Ctrl-C (SIGINT) or SIGTERM ends it: how many cells are kept and that the same
 * command resumes. Counts the kept cells as the run reports them (those stored by an earlier run, and
 * each finished cell with results, which the runner stores at once) and passes every event on to the
 * progress display. The JVM's shutdown hook prints the notice; a run that ends by itself, well or
 * not, {@link #close() closes} it first and nothing is printed.
 */
final class InterruptNotice implements RunListener, AutoCloseable {
  private final RunListener progress;
  private final PrintWriter err;
  private final String output;
  private final String command;
  private final AtomicInteger kept = new AtomicInteger();
  private final Thread hook = new Thread(this::interrupted, "ad-interrupt-notice");
  private volatile int total = -1;
  private volatile boolean closed;

  /**
   * @param output the run's output folder, as the user gave it
   * @param command the command that resumes the run, e.g. {@code ./ad run x.yaml --out o}, with what
   *     to leave out of the one given (e.g. {@code --fresh}) said after it
   */
  private InterruptNotice(RunListener progress, PrintWriter err, String output, String command) {
    this.progress = progress;
    this.err = err;
    this.output = output;
    this.command = command;
  }

  static InterruptNotice install(RunListener progress, PrintWriter err, String output, String command) {
    InterruptNotice notice = new InterruptNotice(progress, err, output, command);
    Runtime.getRuntime().addShutdownHook(notice.hook);
    return notice;
  }

  @Override
  public void runStarted(int cells, int done) {
    kept.set(done);
    total = cells;
    progress.runStarted(cells, done);
  }

  @Override
  public void cellStarted(int index, int cells, String dataset, String detector, long seed) {
    progress.cellStarted(index, cells, dataset, detector, seed);
  }

  @Override
  public void cellFinished(int done, int cells, CellResult cell) {
    if (cell.hasResults()) {
      kept.incrementAndGet();
    }
    progress.cellFinished(done, cells, cell);
  }

  @Override
  public void warn(String message) {
    progress.warn(message);
  }

  /** The message for a run ended now. */
  String message() {
    if (total < 0) {
      return "interrupted before any cell ran; run the same command again to start: " + command;
    }
    int done = kept.get();
    return "interrupted: " + done + " of " + total + " cells are done and kept in " + output + " (cells/); run "
        + "the same command again to resume with the other " + (total - done) + ": " + command;
  }

  private void interrupted() {
    if (!closed) {
      err.println();
      err.println(message());
      err.flush();
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down already: the hook runs and, being closed, says nothing.
    }
  }
}

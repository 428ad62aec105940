package ad.experiments;

import ad.eval.cell.CellResult;
import ad.eval.cell.ResultRow;
import ad.eval.cell.StandardMeasures;
import ad.eval.run.RunListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a run on stderr: a progress bar with counts and ETA on a terminal, one plain line per
 * finished cell otherwise (logs, CI, pipes), so that stdout keeps only the results table.
 */
abstract class ConsoleProgress implements RunListener, AutoCloseable {

  static ConsoleProgress create(PrintWriter err, int cells) {
    return System.console() != null && System.getenv("CI") == null ? new Bar(err, cells)
        : new Lines(err);
  }

  @Override
  public void close() {}

  /** The cell's warnings as lines: who it is, then what is suspicious. */
  static List<String> warnings(CellResult cell) {
    String who = String.format(Locale.ROOT, "%s / %s / seed %d", cell.cell().dataset(), cell.cell().detector(),
        cell.cell().seed());
    return cell.warnings().stream().map(w -> "warning: " + who + ": " + w.message()).toList();
  }

  /** One line per row; a failed cell's reason once, not once per thresholder. */
  static List<String> describe(CellResult cell) {
    if (cell.failed()) {
      return List.of(describe(cell.rows().get(0)));
    }
    return cell.rows().stream().map(ConsoleProgress::describe).toList();
  }

  static String describe(ResultRow r) {
    if (r.cell().failed()) {
      return String.format(Locale.ROOT, "%s / %s / seed %d: FAILED: %s", r.dataset(), r.detector(),
          r.seed(), r.error());
    }
    if (r.failed()) {
      return String.format(Locale.ROOT, "%s / %s / seed %d / %s: FAILED: %s", r.dataset(), r.detector(),
          r.seed(), r.thresholder(), r.error());
    }
    return String.format(Locale.ROOT, "%s / %s / seed %d / %s: roc_auc %.4f, f1 %.4f (fit %.1f s)",
        r.dataset(), r.detector(), r.seed(), r.thresholder(), r.measure(StandardMeasures.ROC_AUC),
        r.measure(StandardMeasures.F1), r.cell().training().fitSeconds());
  }

  /** One line per finished row. */
  private static final class Lines extends ConsoleProgress {
    private final PrintWriter err;

    Lines(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void cellFinished(int done, int total, CellResult cell) {
      for (String line : describe(cell)) {
        err.printf("[%d/%d] %s%n", done, total, line);
      }
      warnings(cell).forEach(err::println);
      err.flush();
    }

    @Override
    public synchronized void warn(String message) {
      err.println("warning: " + message);
      err.flush();
    }
  }

  /** A bar that redraws in place; failures and warnings are printed once it is done. */
  private static final class Bar extends ConsoleProgress {
    private final PrintWriter err;
    private final ProgressBar bar;
    private final List<String> deferred = new ArrayList<>();

    Bar(PrintWriter err, int cells) {
      this.err = err;
      this.bar = new ProgressBarBuilder().setTaskName("cells").setInitialMax(cells)
          .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).showSpeed()
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public synchronized void cellFinished(int done, int total, CellResult cell) {
      bar.stepTo(done);
      bar.setExtraMessage(cell.cell().dataset() + " / " + cell.cell().detector());
      if (cell.failed()) {
        deferred.addAll(describe(cell));
      } else {
        cell.rows().stream().filter(ResultRow::failed).forEach(r -> deferred.add(describe(r)));
      }
      deferred.addAll(warnings(cell));
    }

    @Override
    public synchronized void warn(String message) {
      deferred.add("warning: " + message);
    }

    @Override
    public synchronized void close() {
      bar.close();
      deferred.forEach(err::println);
      err.flush();
    }
  }
}

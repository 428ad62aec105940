package ad.experiments.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints figures as {@code bench <workload> <metric> <value>}, one per line, for the in-process and the
 * Spark workloads alike, so that scripts read both the same way.
 */
public final class BenchReport {
  private final PrintWriter out;

  public BenchReport(PrintWriter out) {
    this.out = out;
  }

  public void figure(String workload, String metric, double value) {
    String formatted = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.4g", value);
    out.println("bench " + workload + " " + metric + " " + formatted);
    out.flush();
  }

  /** A remark that is not a figure (settings, warnings), prefixed so scripts can skip it. */
  public void note(String workload, String text) {
    out.println("# " + workload + ": " + text);
    out.flush();
  }
}

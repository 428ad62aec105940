package ad.spark.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints figures as {@code ad bench} does, {@code bench <workload> <metric> <value>}, and remarks as
 * {@code # <workload>: text}, so that scripts read Spark and in-process figures alike.
 */
public final class BenchLines {
  private final PrintWriter out;

  public BenchLines(PrintWriter out) {
    this.out = out;
  }

  public void figure(String workload, String metric, double value) {
    String formatted = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.4g", value);
    out.println("bench " + workload + " " + metric + " " + formatted);
    out.flush();
  }

  public void note(String workload, String text) {
    out.println("# " + workload + ": " + text);
    out.flush();
  }
}

package ad.experiments;

import ad.eval.run.CellResult;
import java.util.List;
import java.util.Locale;

/** The short results table printed at the end of a run. */
final class ResultsTable {
  private ResultsTable() {}

  static String format(List<CellResult> results) {
    int datasetWidth = Math.max(7, results.stream().mapToInt(r -> r.dataset().length()).max().orElse(0));
    int detectorWidth = Math.max(8, results.stream().mapToInt(r -> r.detector().length()).max().orElse(0));
    String header = "%-" + datasetWidth + "s  %-" + detectorWidth + "s  %6s  %10s  %9s  %6s  %6s  %7s  %6s  %7s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, header, "dataset", "detector", "seed", "threshold", "precision",
        "recall", "f1", "roc_auc", "pr_auc", "fit_s"));
    for (CellResult r : results) {
      if (r.failed()) {
        out.append(String.format(Locale.ROOT, "%-" + datasetWidth + "s  %-" + detectorWidth
            + "s  %6d  FAILED (see results.csv)%n", r.dataset(), r.detector(), r.seed()));
        continue;
      }
      out.append(String.format(Locale.ROOT, header, r.dataset(), r.detector(), r.seed(),
          num(r.threshold(), "%.4g"), num(r.precision(), "%.4f"), num(r.recall(), "%.4f"),
          num(r.f1(), "%.4f"), num(r.rocAuc(), "%.4f"), num(r.prAuc(), "%.4f"),
          num(r.fitSeconds(), "%.1f")));
    }
    return out.toString();
  }

  private static String num(double v, String format) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
  }
}

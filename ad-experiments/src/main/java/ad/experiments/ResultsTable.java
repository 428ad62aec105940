package ad.experiments;

import ad.eval.cell.CellWarning.Kind;
import ad.eval.cell.ResultRow;
import ad.eval.cell.StandardMeasures;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The short results table printed at the end of a run. */
final class ResultsTable {
  private ResultsTable() {}

  static String format(List<ResultRow> results) {
    int datasetWidth = width(results.stream().map(ResultRow::dataset).toList(), "dataset");
    int detectorWidth = width(results.stream().map(ResultRow::detector).toList(), "detector");
    // A thresholder column only when there is a choice of thresholders; oracles are starred.
    boolean severalThresholders = results.stream().map(ResultRow::thresholder).distinct().count() > 1;
    int thresholderWidth = severalThresholders ? width(results.stream()
        .map(r -> r.thresholder() + (r.oracle() ? "*" : "")).toList(), "thresholder") : 0;
    String thresholderColumn = severalThresholders ? "%-" + thresholderWidth + "s  " : "%s";
    // A flags column only when some row has something suspicious about it; the legend follows the table.
    boolean flags = results.stream().anyMatch(r -> !r.warnings().isEmpty());
    String header = "%-" + datasetWidth + "s  %-" + detectorWidth + "s  %6s  " + thresholderColumn
        + "%10s  %9s  %6s  %6s  %7s  %6s  %7s" + (flags ? "  %s" : "%s") + "%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, header, "dataset", "detector", "seed",
        severalThresholders ? "thresholder" : "", "threshold", "precision", "recall", "f1", "roc_auc", "pr_auc",
        "fit_s", flags ? "flags" : ""));
    for (ResultRow r : results) {
      String thresholder = severalThresholders ? r.thresholder() + (r.oracle() ? "*" : "") : "";
      if (r.failed()) {
        out.append(String.format(Locale.ROOT, "%-" + datasetWidth + "s  %-" + detectorWidth
            + "s  %6d  " + thresholderColumn + "FAILED (see results.csv)%n", r.dataset(), r.detector(),
            r.seed(), thresholder));
        continue;
      }
      out.append(String.format(Locale.ROOT, header, r.dataset(), r.detector(), r.seed(), thresholder,
          num(r.threshold().threshold(), "%.4g"), num(r.measure(StandardMeasures.PRECISION), "%.4f"),
          num(r.measure(StandardMeasures.RECALL), "%.4f"), num(r.measure(StandardMeasures.F1), "%.4f"),
          num(r.measure(StandardMeasures.ROC_AUC), "%.4f"), num(r.measure(StandardMeasures.PR_AUC), "%.4f"),
          num(r.cell().training().fitSeconds(), "%.1f"), marks(r)));
    }
    Set<Kind> used = new LinkedHashSet<>();
    results.forEach(r -> r.warnings().forEach(w -> used.add(w.kind())));
    for (Kind kind : used) {
      out.append("flag ").append(kind.mark()).append(": ").append(kind.legend()).append('\n');
    }
    if (results.stream().anyMatch(ResultRow::oracle)) {
      out.append("* oracle: threshold chosen with the test labels (an upper bound, not a label-free result)\n");
    }
    return out.toString();
  }

  private static String marks(ResultRow r) {
    return String.join(", ", r.warnings().stream().map(w -> w.kind().mark()).distinct().toList());
  }

  private static int width(List<String> values, String header) {
    return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
  }

  private static String num(double v, String format) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
  }
}

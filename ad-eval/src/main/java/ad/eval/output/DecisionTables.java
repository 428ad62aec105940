package ad.eval.output;

import ad.eval.cell.CellResult;
import ad.eval.cell.ResultRow;
import ad.eval.cell.StandardMeasures;
import ad.eval.cell.ThresholdResult;
import ad.eval.metrics.ConfusionMatrix;
import ad.eval.report.Flag;
import ad.eval.report.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The decisions of a dataset's cells, for its section of the report: what each thresholder's
 * threshold flagged, and how that compares with the labels (precision, recall, F1, the confusion
 * counts).
 *
 * <ul>
 *   <li>{@link #summary}: one row per detector and thresholder, the seeds aggregated (means; the
 *       counts are means per seed), readable however many seeds there are;
 *   <li>{@link #details}: one row per cell and thresholder, folded away until opened;
 *   <li>{@link #failures}: why cells failed, each reason once with the detectors and seeds it hit.
 * </ul>
 */
final class DecisionTables {
  private final List<CellResult> cells;
  private final List<String> detectors;
  private final List<String> thresholders;
  private final Set<String> oracles;

  /**
   * @param cells the dataset's finished cells, in cell order
   * @param detectors the detectors in spec order
   * @param thresholders the thresholders in spec order
   * @param oracles those of them that are oracles: their names end in " (oracle)" in the tables, on
   *     failed rows too
   */
  DecisionTables(List<CellResult> cells, List<String> detectors, List<String> thresholders, Set<String> oracles) {
    this.cells = cells;
    this.detectors = detectors;
    this.thresholders = thresholders;
    this.oracles = oracles;
  }

  TextTable summary() {
    int seeds = (int) cells.stream().map(c -> c.cell().seed()).distinct().count();
    List<List<String>> rows = new ArrayList<>();
    List<List<Flag>> flags = new ArrayList<>();
    for (String detector : detectors) {
      for (String thresholder : thresholders) {
        List<ResultRow> all = rows(detector, thresholder);
        if (all.isEmpty()) {
          continue;
        }
        List<ResultRow> ok = all.stream().filter(r -> !r.failed()).toList();
        List<String> row = new ArrayList<>(List.of(detector, label(all.get(0)), ok.size() + "/" + all.size()));
        if (ok.isEmpty()) {
          row.addAll(List.of("-", "-", "-", "-", "-", "-", "-", "-", "-"));
        } else {
          row.add(threshold(ok));
          row.add(String.format(Locale.ROOT, "%.1f%%", mean(ok, r -> 100.0 * flagged(r.threshold().counts())
              / total(r.threshold().counts()))));
          row.add(fixed(mean(ok, r -> r.measure(StandardMeasures.PRECISION))));
          row.add(fixed(mean(ok, r -> r.measure(StandardMeasures.RECALL))));
          row.add(fixed(mean(ok, r -> r.measure(StandardMeasures.F1))));
          row.add(count(mean(ok, r -> r.threshold().counts().tp())));
          row.add(count(mean(ok, r -> r.threshold().counts().fp())));
          row.add(count(mean(ok, r -> r.threshold().counts().tn())));
          row.add(count(mean(ok, r -> r.threshold().counts().fn())));
        }
        rows.add(row);
        List<Flag> rowFlags = new ArrayList<>();
        all.forEach(r -> rowFlags.addAll(ReportFlags.ofRow(r)));
        flags.add(rowFlags);
      }
    }
    return new TextTable("Thresholds and decisions" + (seeds > 1 ? ", mean over " + seeds + " seeds (counts per seed; "
        + "thresholds from lowest to highest)" : ""), List.of("detector", "thresholder", "seeds ok", "threshold", "flagged", "precision", "recall", "F1",
        "tp", "fp", "tn", "fn"), rows, flags, false);
  }

  TextTable details() {
    List<List<String>> rows = new ArrayList<>();
    List<List<Flag>> flags = new ArrayList<>();
    for (CellResult cell : cells) {
      for (ResultRow r : cell.rows()) {
        List<String> row = new ArrayList<>(List.of(r.detector(), Long.toString(r.seed()), label(r)));
        if (r.failed()) {
          row.addAll(List.of("-", "-", "-", "-", "-", "-", "-", "-", "-", "-"));
        } else {
          ThresholdResult t = r.threshold();
          ConfusionMatrix c = t.counts();
          row.addAll(List.of(Double.isFinite(t.threshold()) ? number(t.threshold()) : "per file",
              fixed(r.measure(StandardMeasures.PRECISION)), fixed(r.measure(StandardMeasures.RECALL)),
              fixed(r.measure(StandardMeasures.F1)), Integer.toString(c.tp()), Integer.toString(c.fp()),
              Integer.toString(c.tn()), Integer.toString(c.fn()), fixed(r.measure(StandardMeasures.ROC_AUC)),
              t.oracle() ? "test labels (oracle)" : t.fitOn()));
        }
        rows.add(row);
        flags.add(ReportFlags.ofRow(r));
      }
    }
    String title = "Every cell: " + rows.size() + (rows.size() == 1 ? " row" : " rows")
        + " (detector, seed, thresholder)";
    return new TextTable(title, List.of("detector",
        "seed", "thresholder", "threshold", "precision", "recall", "F1", "tp", "fp", "tn", "fn", "ROC AUC",
        "fitted on"), rows, flags, true);
  }

  /** Why cells or their thresholders failed: each reason once, with who it hit. */
  List<String> failures() {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (CellResult cell : cells) {
      if (cell.failed()) {
        byReason.computeIfAbsent(cell.cell().detector() + " failed: " + cell.error(), k -> new ArrayList<>())
            .add("seed " + cell.cell().seed());
        continue;
      }
      for (ResultRow r : cell.rows()) {
        if (r.failed()) {
          byReason.computeIfAbsent(r.detector() + ", thresholder " + r.thresholder() + ": " + r.error(),
              k -> new ArrayList<>()).add("seed " + r.seed());
        }
      }
    }
    List<String> out = new ArrayList<>();
    byReason.forEach((reason, who) -> {
      int colon = reason.indexOf(": ");
      out.add(reason.substring(0, colon) + " (" + String.join(", ", who) + ")" + reason.substring(colon));
    });
    return out;
  }

  private List<ResultRow> rows(String detector, String thresholder) {
    List<ResultRow> out = new ArrayList<>();
    for (CellResult cell : cells) {
      if (cell.cell().detector().equals(detector)) {
        cell.rows().stream().filter(r -> r.thresholder().equals(thresholder)).forEach(out::add);
      }
    }
    return out;
  }

  private String label(ResultRow r) {
    return r.thresholder() + (r.oracle() || oracles.contains(r.thresholder()) ? " (oracle)" : "");
  }

  /**
   * The seeds' thresholds as a range (a mean of thresholds fitted to differently trained models is
   * no threshold any of them used), one number when they agree, or how thresholds were set when there
   * is no one number (one per series file).
   */
  private static String threshold(List<ResultRow> ok) {
    if (!ok.stream().allMatch(r -> Double.isFinite(r.threshold().threshold()))) {
      return "per file";
    }
    double low = ok.stream().mapToDouble(r -> r.threshold().threshold()).min().orElseThrow();
    double high = ok.stream().mapToDouble(r -> r.threshold().threshold()).max().orElseThrow();
    // Three digits each keep a range as narrow as the table needs.
    return low == high ? number(low) : String.format(Locale.ROOT, "%.3g \u2013 %.3g", low, high);
  }

  private static int flagged(ConfusionMatrix c) {
    return c.tp() + c.fp();
  }

  private static int total(ConfusionMatrix c) {
    return c.tp() + c.fp() + c.tn() + c.fn();
  }

  /** The mean of the finite values; NaN when there is none. */
  private static double mean(List<ResultRow> rows, ToDoubleFunction<ResultRow> value) {
    double sum = 0;
    int n = 0;
    for (ResultRow r : rows) {
      double v = value.applyAsDouble(r);
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static String fixed(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
  }

  private static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
  }

  /** A mean count: whole when it is, else with one decimal. */
  private static String count(double v) {
    if (!Double.isFinite(v)) {
      return "-";
    }
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }
}

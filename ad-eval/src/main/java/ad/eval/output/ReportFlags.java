package ad.eval.output;

import ad.eval.cell.CellResult;
import ad.eval.cell.CellWarning;
import ad.eval.cell.ResultRow;
import ad.eval.report.Flag;
import ad.eval.report.MetricRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's flags for cells and their rows: a cell's {@link CellWarning}s, a failed cell, a
 * thresholder that could not be fitted. One place, so that the summary, the tables and the legend
 * use the same marks.
 */
final class ReportFlags {
  static final Flag FAILED = new Flag("failed", "the cell failed, so it has no numbers: the dataset's section "
      + "says why (and results.csv, column error)");
  static final Flag NO_THRESHOLD = new Flag("no threshold", "the thresholder could not be fitted on this cell's "
      + "scores (e.g. too few in the tail): no F1; the dataset's section says why");

  private ReportFlags() {}

  static Flag of(CellWarning.Kind kind) {
    return new Flag(kind.mark(), kind.legend());
  }

  /**
   * A cell's flags in the summary table: a failure and a loss that did not fall on the detector's row,
   * a ROC AUC below chance on ROC AUC, a thresholder's on its F1 column ({@code f1:<name>}).
   */
  static Map<String, List<Flag>> ofSummary(CellResult cell) {
    Map<String, List<Flag>> out = new LinkedHashMap<>();
    if (cell.failed()) {
      out.put(MetricRow.WHOLE_ROW, List.of(FAILED));
      return out;
    }
    for (CellWarning w : cell.warnings()) {
      String key = switch (w.kind()) {
        case ROC_BELOW_CHANCE -> "roc_auc";
        case LOSS_DID_NOT_FALL, FLAT_OUTPUT -> MetricRow.WHOLE_ROW;
        default -> "f1:" + w.thresholder();
      };
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(of(w.kind()));
    }
    for (ResultRow r : cell.rows()) {
      if (r.failed()) {
        out.computeIfAbsent("f1:" + r.thresholder(), k -> new ArrayList<>()).add(NO_THRESHOLD);
      }
    }
    return out;
  }

  /** The flags of one row (a cell under one thresholder). */
  static List<Flag> ofRow(ResultRow row) {
    if (row.cell().failed()) {
      return List.of(FAILED);
    }
    if (row.failed()) {
      return List.of(NO_THRESHOLD);
    }
    return row.warnings().stream().map(w -> of(w.kind())).distinct().toList();
  }
}

package ad.eval.output;

import ad.eval.cell.CellIdentity;
import ad.eval.cell.CellResult;
import ad.eval.cell.DataSizes;
import ad.eval.cell.ResultRow;
import ad.eval.cell.StandardMeasures;
import ad.eval.cell.ThresholdResult;
import ad.eval.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of results.csv and results.json, declared here in file order: who the row is, whether
 * it worked and what is suspicious about it ({@code warnings}: {@link ad.eval.cell.CellWarning.Kind}
 * names separated by {@code ;}), its thresholder, the sizes of the split, the confusion counts, the
 * standard measures, the spec's extra measures by their names, and the timings last, so that
 * everything but the last columns is identical between runs of the same spec.
 *
 * <p>A failed row (its cell or its thresholder failed) reports who it is, its status and error, and
 * no numbers: empty in CSV, null in JSON (as every undefined measure), 0 for counts.
 */
public final class ResultColumns {
  private static final List<String> IDENTITY = List.of("experiment", "dataset", "detector", "detector_type",
      "seed", "cell", "status", "error", "warnings", "thresholder", "threshold_fit_on", "oracle", "threshold",
      "threshold_rule", "train_rows", "validation_rows", "test_rows", "test_anomalies", "unseen_categories",
      "tp", "fp", "tn", "fn");
  private static final List<String> MEASURES = List.of(StandardMeasures.PRECISION, StandardMeasures.RECALL,
      StandardMeasures.F1, StandardMeasures.ROC_AUC, StandardMeasures.PR_AUC, StandardMeasures.FAR,
      StandardMeasures.MAR, StandardMeasures.PA_F1, StandardMeasures.EVENT_PRECISION,
      StandardMeasures.EVENT_RECALL, StandardMeasures.EVENT_F1);
  private static final List<String> TIMINGS = List.of("epochs", "fit_seconds", "score_seconds");

  private final List<String> measures;
  private final List<String> names;

  private ResultColumns(List<String> measures) {
    this.measures = measures;
    List<String> all = new ArrayList<>(IDENTITY);
    all.addAll(measures);
    all.addAll(TIMINGS);
    this.names = List.copyOf(all);
  }

  /** The columns of a spec whose extra measures are {@code metrics} (an extra that is a column already adds none). */
  public static ResultColumns of(List<String> metrics) {
    List<String> measures = new ArrayList<>(MEASURES);
    for (String name : metrics) {
      if (!StandardMeasures.isStandard(name) && !measures.contains(name)) {
        measures.add(name);
      }
    }
    return new ResultColumns(measures);
  }

  /** Column names in file order. */
  public List<String> names() {
    return names;
  }

  /** The rows of {@code cells}, in order, as column name to value (null for an undefined number). */
  public List<Map<String, Object>> rows(List<CellResult> cells) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (CellResult cell : cells) {
      for (ResultRow row : cell.rows()) {
        out.add(row(row));
      }
    }
    return out;
  }

  private Map<String, Object> row(ResultRow r) {
    boolean ok = !r.failed();
    CellIdentity id = r.cell().cell();
    ThresholdResult t = r.threshold();
    DataSizes sizes = ok ? r.cell().sizes() : DataSizes.NONE;
    ConfusionMatrix counts = ok ? t.counts() : new ConfusionMatrix(0, 0, 0, 0);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("experiment", id.experiment());
    row.put("dataset", id.dataset());
    row.put("detector", id.detector());
    row.put("detector_type", id.detectorType());
    row.put("seed", id.seed());
    row.put("cell", id.id());
    row.put("status", r.status().text());
    row.put("error", r.error());
    // What a reader should not take at face value, as the kinds' names (the messages are in the report).
    row.put("warnings", String.join(";", r.warnings().stream().map(w -> w.kind().text()).distinct().toList()));
    row.put("thresholder", t.thresholder());
    row.put("threshold_fit_on", ok ? t.fitOn() : "");
    row.put("oracle", ok && t.oracle());
    row.put("threshold", number(ok ? t.threshold() : Double.NaN));
    row.put("threshold_rule", ok ? t.rule() : "");
    row.put("train_rows", sizes.trainRows());
    row.put("validation_rows", sizes.validationRows());
    row.put("test_rows", sizes.testRows());
    row.put("test_anomalies", sizes.testAnomalies());
    row.put("unseen_categories", sizes.unseenCategories());
    row.put("tp", counts.tp());
    row.put("fp", counts.fp());
    row.put("tn", counts.tn());
    row.put("fn", counts.fn());
    for (String name : measures) {
      row.put(name, number(r.measure(name)));
    }
    row.put("epochs", ok ? r.cell().training().epochs() : 0);
    row.put("fit_seconds", number(ok ? r.cell().training().fitSeconds() : Double.NaN));
    row.put("score_seconds", number(ok ? r.cell().training().scoreSeconds() : Double.NaN));
    return row;
  }

  /** NaN and infinities as null, which JSON can represent and CSV writes empty. */
  private static Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }
}

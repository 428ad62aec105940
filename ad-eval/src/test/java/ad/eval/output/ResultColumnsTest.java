package ad.eval.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ad.eval.cell.CellCurves;
import ad.eval.cell.CellIdentity;
import ad.eval.cell.CellResult;
import ad.eval.cell.DataSizes;
import ad.eval.cell.Status;
import ad.eval.cell.ThresholdResult;
import ad.eval.cell.Training;
import ad.eval.metrics.ConfusionMatrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultColumnsTest {
  private static final CellIdentity CELL = new CellIdentity("x", "abc", "cardio", "dense", "dense_autoencoder", 7);

  @Test
  void columnsAreDeclaredInFileOrderWithExtrasBeforeTheTimings() {
    List<String> names = ResultColumns.of(List.of("mcc", "average_precision")).names();
    assertEquals(List.of("experiment", "dataset", "detector", "detector_type", "seed", "cell", "status", "error", "warnings",
        "thresholder", "threshold_fit_on", "oracle", "threshold", "threshold_rule", "train_rows", "validation_rows",
        "test_rows", "test_anomalies", "unseen_categories", "tp", "fp", "tn", "fn", "precision", "recall", "f1",
        "roc_auc", "pr_auc", "far", "mar", "pa_f1", "event_precision", "event_recall", "event_f1", "mcc",
        "average_precision", "epochs", "fit_seconds", "score_seconds"), names);
  }

  @Test
  void anExtraMeasureThatIsAColumnAlreadyAddsNone() {
    List<String> names = ResultColumns.of(List.of("tp", "pr_auc", "f1", "mcc", "mcc")).names();
    assertEquals(names.size(), names.stream().distinct().count(), names.toString());
    assertEquals(ResultColumns.of(List.of("mcc")).names(), names);
  }

  @Test
  void aRowTakesMeasuresByNameAndAFailedRowReportsNoNumbers() {
    Map<String, Double> thresholdMeasures = new LinkedHashMap<>();
    thresholdMeasures.put("f1", 0.5);
    thresholdMeasures.put("mcc", 0.25);
    thresholdMeasures.put("pa_f1", Double.NaN);
    CellResult cell = new CellResult(CELL, Status.OK, "", new DataSizes(10, 5, 20, 4, 0),
        Map.of("roc_auc", 0.9, "pr_auc", 0.6),
        List.of(new ThresholdResult("mean_std", Status.OK, "", "validation", false, 1.5, "mean + 3.0 * std",
            new ConfusionMatrix(2, 2, 14, 2), thresholdMeasures), ThresholdResult.failed("spot", "too few scores")),
        new Training(12, 1.25, 0.5), CellCurves.NONE);
    List<Map<String, Object>> rows = ResultColumns.of(List.of("mcc")).rows(List.of(cell));
    Map<String, Object> ok = rows.get(0);
    assertEquals(7L, ok.get("seed"));
    assertEquals("ok", ok.get("status"));
    assertEquals(0.5, ok.get("f1"));
    assertEquals(0.25, ok.get("mcc"));
    assertEquals(0.9, ok.get("roc_auc"));
    assertEquals(2, ok.get("tp"));
    assertNull(ok.get("pa_f1"), "NaN is written as nothing");
    assertEquals(12, ok.get("epochs"));
    Map<String, Object> failed = rows.get(1);
    assertEquals(List.of("failed", "too few scores", "spot", "", false), List.of(failed.get("status"),
        failed.get("error"), failed.get("thresholder"), failed.get("threshold_fit_on"), failed.get("oracle")));
    assertNull(failed.get("roc_auc"), "a failed row reports no numbers, not even its cell's");
    assertEquals(0, failed.get("train_rows"));
    assertNull(failed.get("fit_seconds"));
  }
}

package ad.eval.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of results.csv / results.json: one (dataset, detector, seed) cell under one thresholder.
 *
 * <p>{@code cell} is the cell's content hash (the name of its file under {@code cells/});
 * {@code thresholdFitOn} says which scores the threshold was fitted on (validation, train or test);
 * {@code oracle} marks a threshold chosen with the test labels, an upper bound rather than a
 * label-free result. For time series, the rows evaluated are points (window scores mapped back to
 * points), pooled over files; {@code paF1} (point-adjusted) and the event-wise figures are defined
 * only there. {@code far} and {@code mar} are SKAB's false and missed alarm rates.
 *
 * <p>Metrics that are undefined for a cell (ROC AUC on a single-class test set, anything of a failed
 * cell) are NaN here and empty (CSV) or null (JSON) in the files. {@code prAuc} is the area under the
 * step-wise precision-recall curve, i.e. average precision (no interpolation, which would be
 * optimistic). {@code measures} holds the spec's extra {@code metrics:} by name. Timings are
 * wall-clock seconds on this machine.
 */
public record CellResult(
    String experiment,
    String dataset,
    String detector,
    String detectorType,
    long seed,
    String cell,
    String status,
    String error,
    String thresholder,
    String thresholdFitOn,
    boolean oracle,
    double threshold,
    String thresholdRule,
    int trainRows,
    int validationRows,
    int testRows,
    int testAnomalies,
    int unseenCategories,
    int tp,
    int fp,
    int tn,
    int fn,
    double precision,
    double recall,
    double f1,
    double rocAuc,
    double prAuc,
    double far,
    double mar,
    double paF1,
    double eventPrecision,
    double eventRecall,
    double eventF1,
    Map<String, Double> measures,
    int epochs,
    double fitSeconds,
    double scoreSeconds) {

  public static final String OK = "ok";
  public static final String FAILED = "failed";

  public CellResult {
    measures = measures == null ? Map.of() : new LinkedHashMap<>(measures);
  }

  public boolean failed() {
    return FAILED.equals(status);
  }

  /** A cell that could not be completed, with the reason. */
  static CellResult failure(String experiment, String dataset, String detector, String detectorType,
      long seed, String cell, String thresholder, String error) {
    double nan = Double.NaN;
    return new CellResult(experiment, dataset, detector, detectorType, seed, cell, FAILED, error,
        thresholder, "", false, nan, "", 0, 0, 0, 0, 0, 0, 0, 0, 0, nan, nan, nan, nan, nan, nan, nan, nan,
        nan, nan, nan, Map.of(), 0, nan, nan);
  }
}

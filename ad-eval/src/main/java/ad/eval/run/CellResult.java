package ad.eval.run;

/**
 * One row of results.csv / results.json: one (dataset, detector, seed) cell under one thresholder.
 * {@code cell} is the cell's content hash (the name of its file under {@code cells/}).
 *
 * <p>Metrics that are undefined for a cell (ROC AUC on a single-class test set, anything of a failed
 * cell) are NaN here and empty (CSV) or null (JSON) in the files. {@code prAuc} is the area under the
 * step-wise precision-recall curve, i.e. average precision (no interpolation, which would be
 * optimistic). Timings are wall-clock seconds on this machine.
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
    double threshold,
    String thresholdRule,
    int trainRows,
    int validationRows,
    int testRows,
    int testAnomalies,
    int tp,
    int fp,
    int tn,
    int fn,
    double precision,
    double recall,
    double f1,
    double rocAuc,
    double prAuc,
    int epochs,
    double fitSeconds,
    double scoreSeconds) {

  public static final String OK = "ok";
  public static final String FAILED = "failed";

  public boolean failed() {
    return FAILED.equals(status);
  }

  /** A cell that could not be completed, with the reason. */
  static CellResult failure(String experiment, String dataset, String detector, String detectorType,
      long seed, String cell, String thresholder, String error) {
    double nan = Double.NaN;
    return new CellResult(experiment, dataset, detector, detectorType, seed, cell, FAILED, error,
        thresholder,
        nan, "", 0, 0, 0, 0, 0, 0, 0, 0, nan, nan, nan, nan, nan, 0, nan, nan);
  }
}

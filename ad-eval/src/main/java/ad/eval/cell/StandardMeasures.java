package ad.eval.cell;

import java.util.List;

/**
 * The measures every cell reports, by the names results.csv gives them. A spec's extra
 * {@code metrics:} are reported beside them under their own names; an extra that names one of these
 * (or a count) adds nothing, the standard one already being there. Note that {@code pr_auc} here is
 * average precision (the step-wise area), whatever the measure of that name in
 * {@link ad.eval.metrics.Measures} computes.
 */
public final class StandardMeasures {
  /** ROC AUC, ties counted one half; NaN on a single-class test set. */
  public static final String ROC_AUC = "roc_auc";
  /** Average precision; NaN on a single-class test set. */
  public static final String PR_AUC = "pr_auc";
  public static final String PRECISION = "precision";
  public static final String RECALL = "recall";
  public static final String F1 = "f1";
  /** SKAB's false alarm rate, fp / (fp + tn). */
  public static final String FAR = "far";
  /** SKAB's missed alarm rate, fn / (tp + fn). */
  public static final String MAR = "mar";
  /** Point-adjusted F1 (series only). */
  public static final String PA_F1 = "pa_f1";
  public static final String EVENT_PRECISION = "event_precision";
  public static final String EVENT_RECALL = "event_recall";
  public static final String EVENT_F1 = "event_f1";

  /** Threshold-free: one value per cell. */
  public static final List<String> OF_CELL = List.of(ROC_AUC, PR_AUC);
  /** One value per thresholder. */
  public static final List<String> OF_THRESHOLD = List.of(PRECISION, RECALL, F1, FAR, MAR, PA_F1,
      EVENT_PRECISION, EVENT_RECALL, EVENT_F1);
  /** The confusion counts, reported as whole numbers beside the measures. */
  public static final List<String> COUNTS = List.of("tp", "fp", "tn", "fn");

  private StandardMeasures() {}

  /** True for the names above: an extra measure of that name is not computed again. */
  public static boolean isStandard(String name) {
    return OF_CELL.contains(name) || OF_THRESHOLD.contains(name) || COUNTS.contains(name);
  }
}

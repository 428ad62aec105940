/**
 * Evaluation metrics: small stateless functions, one per class with a static {@code of(...)}.
 *
 * <p>Conventions shared by every class here:
 *
 * <ul>
 *   <li>{@code labels[i] == true} means row {@code i} is anomalous: anomalies are the positive class.
 *   <li>Scores follow {@link ad.core.Scores}: higher means more anomalous. Ranking metrics treat tied
 *       scores as one threshold (a tie is never broken by row order), so results do not depend on how
 *       the rows happen to be ordered.
 *   <li>A value whose denominator is zero is {@link Double#NaN}, never a silent 0 or 1: a precision
 *       with no positive predictions, a recall or ROC AUC with no anomalies, and so on. NaN propagates
 *       into averages over seeds, which is the point: a number that was not measured must not look
 *       like one that was. Each method documents exactly when it returns NaN.
 *   <li>Metrics are called by code, not typed by users, so bad input (lengths that differ, NaN or
 *       infinite scores) is an {@link java.lang.IllegalArgumentException}, not a
 *       {@link ad.core.UserException}: the caller should have checked the scores with
 *       {@link ad.core.Scores#requireFinite(String)} first.
 *   <li>Ranking metrics sort once: O(n log n) time, O(n) memory.
 * </ul>
 *
 * <p>{@link ad.eval.metrics.Measures} names every measure for YAML ({@code roc_auc},
 * {@code average_precision}, {@code f1}, ...), each a {@link ad.eval.metrics.Measure} that reads
 * either the scores (ranking measures) or the predictions at a fitted threshold, with its chance
 * value. {@link ad.eval.metrics.AveragePrecision} is the recommended PR summary;
 * {@link ad.eval.metrics.PrAuc} (trapezoidal) is there because papers report it.
 * {@link ad.eval.metrics.MaxF1} chooses its cut with the labels and is an upper bound, not a
 * label-free result. {@link ad.eval.metrics.RocAucCi} gives DeLong's interval.
 */
package ad.eval.metrics;

/**
 * Metrics for time series: predictions per point (true = flagged) against point labels (true =
 * anomalous), where anomalies come in contiguous segments (events).
 *
 * <ul>
 *   <li>{@link ad.eval.metrics.series.SeriesMetrics#pointwise pointwise}: every point is a sample;
 *       precision, recall, F1, and SKAB's false alarm rate {@code FAR = FP / (FP + TN)} and missed
 *       alarm rate {@code MAR = FN / (FN + TP)} (SKAB prints them multiplied by 100 and sums the four
 *       counts over its files before dividing, as the list overloads here do).
 *   <li>{@link ad.eval.metrics.series.SeriesMetrics#pointAdjusted pointAdjusted}: the point-adjust
 *       protocol (Xu et al. 2018, "Donut"): if any point of a labelled segment is flagged, every point
 *       of it counts as flagged; then pointwise counts. Known to flatter detectors; report it beside
 *       the others, never alone.
 *   <li>{@link ad.eval.metrics.series.SeriesMetrics#eventWise eventWise}: each labelled segment is one
 *       true positive (any point flagged) or one false negative; every flagged point outside a segment
 *       is one false positive.
 * </ul>
 *
 * <p>Conventions follow {@link ad.eval.metrics}: a ratio with a zero denominator is NaN, F1 is
 * {@code 2tp / (2tp + fp + fn)}. Several files are pooled by summing their counts (segments never join
 * across files), not by concatenating the arrays. Lengths that differ are an
 * {@link java.lang.IllegalArgumentException}.
 */
package ad.eval.metrics.series;

/**
 * Report charts. XChart draws the plots: score histograms with the decision threshold, on a log axis
 * when the scores span decades ({@link ad.eval.chart.ScoreHistogramChart}), overlaid ROC and
 * precision-recall curves ({@link ad.eval.chart.RocChart}, {@link ad.eval.chart.PrChart}), loss per
 * epoch ({@link ad.eval.chart.LossChart}) and the dataset x detector (or thresholder) heat maps
 * ({@link ad.eval.chart.HeatmapChart}, sized for its labels). Java2D draws what XChart has no type
 * for, as a {@link ad.eval.chart.Drawing}: the critical-difference diagram ({@link ad.eval.chart.CriticalDifferenceChart}), the grid of
 * anomalous images with reconstructions and error maps ({@link ad.eval.chart.ImageGridChart}) and the
 * signal-over-score panels of a time series ({@link ad.eval.chart.SeriesChart}).
 * {@link ad.eval.chart.ChartFiles} writes either kind to PNG, or to SVG through VectorGraphics2D,
 * atomically.
 *
 * <p>Builders take plain arrays and records, never runner types. Everything runs headless (no display
 * is ever needed), and uses a fixed size, style and locale, so the same data always gives the same
 * image; degenerate input (one detector, one dataset, NaN values, nothing at all) draws a chart
 * rather than throwing.
 */
package ad.eval.chart;

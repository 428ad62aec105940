/**
 * Report charts rendered with XChart: the score histogram with its decision threshold
 * ({@link ad.eval.chart.ScoreHistogramChart}), ROC curves ({@link ad.eval.chart.RocChart}), and
 * {@link ad.eval.chart.ChartFiles}, which writes a chart to PNG atomically.
 *
 * <p>Charts are built as plain {@link org.knowm.xchart.XYChart} objects so callers can adjust them
 * before writing; everything here runs headless (no display is ever needed) and uses a fixed size and
 * style so the same data always gives the same image.
 */
package ad.eval.chart;

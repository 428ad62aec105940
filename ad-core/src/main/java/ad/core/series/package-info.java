/**
 * Time series as sliding windows: which file and points each window row came from
 * ({@link ad.core.series.WindowIndex}), and how window scores map back to point scores per file for
 * point-level evaluation. The windows themselves are loaded by {@link ad.core.data.SeriesSource}.
 */
package ad.core.series;

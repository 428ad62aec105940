/**
 * Statistics over repeated experiments: summaries over seeds, and the comparison of several detectors
 * over several data sets as recommended by Demšar (2006).
 *
 * <ul>
 *   <li>{@link ad.eval.stats.SeedSummary}: mean and sample standard deviation over seeds, per (data
 *       set, detector).
 *   <li>{@link ad.eval.stats.Ranks}: rank of each detector on each data set (1 = best, ties get the
 *       average rank) and the average rank per detector.
 *   <li>{@link ad.eval.stats.FriedmanTest}: are the average ranks different at all? Friedman's
 *       chi-square and Iman and Davenport's F, with p-values.
 *   <li>{@link ad.eval.stats.Nemenyi}: the critical difference of average ranks for all pairwise
 *       comparisons after a significant Friedman test.
 *   <li>{@link ad.eval.stats.WilcoxonSignedRank} and {@link ad.eval.stats.PairwiseWilcoxon}: paired
 *       comparisons over data sets, with {@link ad.eval.stats.Holm} adjusted p-values.
 * </ul>
 *
 * <p>Conventions: a matrix of results is {@code scores[dataset][detector]}, one value per data set and
 * detector (typically the mean over seeds of one measure), and <b>higher is better</b>; for a measure
 * where lower is better (a false-alarm rate) negate it first. Every cell must be finite: a NaN (an
 * undefined measure) has no rank, so these functions throw an {@link IllegalArgumentException} naming
 * the cell, and the caller decides whether to drop that data set or detector and says so in the
 * report.
 *
 * <p>Library: the chi-square, F and normal distributions come from Apache Commons Math 3.6.1
 * ({@code org.apache.commons:commons-math3}, Apache-2.0). Its {@code WilcoxonSignedRankTest} is not
 * used for the test itself because it ranks zero differences with the negative ones, whereas Demšar
 * splits them evenly between R+ and R-; the exact null distribution here is computed by counting
 * (and checked against Commons Math on data without zeros or ties).
 *
 * @see "J. Demšar, Statistical comparisons of classifiers over multiple data sets, JMLR 7 (2006) 1-30"
 */
package ad.eval.stats;

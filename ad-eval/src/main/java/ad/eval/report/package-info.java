/**
 * The experiment report: {@link ad.eval.report.HtmlReport} writes {@code report.html}, one
 * self-contained page (charts embedded as data URIs, CSS inline, no script, no external reference)
 * that opens offline in any browser, from a plain {@link ad.eval.report.Report} value.
 * {@link ad.eval.report.SummaryTable} turns per-seed result rows into the mean and standard deviation
 * per (dataset, detector) that the page tabulates, with the {@link ad.eval.report.Flag}s of values to
 * read with care counted over seeds and explained once in a legend.
 *
 * <p>Nothing here knows the runner: callers adapt their rows to {@link ad.eval.report.MetricRow} and
 * their chart files to {@link ad.eval.report.Figure}.
 */
package ad.eval.report;

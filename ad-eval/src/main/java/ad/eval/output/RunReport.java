package ad.eval.output;

import ad.eval.cell.CellCurves;
import ad.eval.cell.CellResult;
import ad.eval.cell.CellSpec;
import ad.eval.cell.ResultRow;
import ad.eval.cell.SeriesSample;
import ad.eval.cell.StandardMeasures;
import ad.eval.chart.CriticalDifferenceChart;
import ad.eval.chart.HeatmapChart;
import ad.eval.chart.LossChart;
import ad.eval.chart.PrChart;
import ad.eval.chart.PrSeries;
import ad.eval.chart.RocChart;
import ad.eval.chart.RocSeries;
import ad.eval.report.Figure;
import ad.eval.report.HtmlReport;
import ad.eval.report.Metric;
import ad.eval.report.MetricRow;
import ad.eval.report.Report;
import ad.eval.report.Section;
import ad.eval.report.SummaryTable;
import ad.eval.report.TextTable;
import ad.eval.spec.Component;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecJson;
import ad.eval.spec.ThresholdRule;
import ad.eval.stats.FriedmanTest;
import ad.eval.stats.Nemenyi;
import ad.eval.stats.PairwiseWilcoxon;
import ad.eval.stats.Ranks;
import ad.eval.threshold.LabelledThresholder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * report.html: the summary table (mean +- std over seeds, best per dataset in bold, baselines
 * marked), the statistics over datasets (Friedman, Nemenyi critical difference, pairwise Wilcoxon
 * with Holm), an overview (ROC AUC heatmap, critical-difference diagram) and a section per dataset
 * with every detector's ROC and PR curves overlaid, loss curves and score histograms.
 *
 * <p>Built from the stored cells, so a resumed run gets the same report as an uninterrupted one.
 * Overlays and losses show the first seed; tables use every seed.
 */
public final class RunReport {
  private static final String RANKED = "roc_auc";

  private final ExperimentSpec spec;
  private final Path outputDirectory;
  private final Path charts;
  private final ChartOutput output;

  public RunReport(ExperimentSpec spec, Path outputDirectory) {
    this.spec = spec;
    this.output = new ChartOutput(spec.options().chartFormat());
    this.outputDirectory = outputDirectory;
    this.charts = outputDirectory.resolve("charts");
  }

  /**
   * @param cells every cell of the experiment, in order
   * @param finished the finished cells by {@link CellSpec#index()}
   */
  public void write(List<CellSpec> cells, Map<Integer, CellResult> finished) {
    List<MetricRow> rows = new ArrayList<>();
    // Marked in the registry: each baseline's type says so.
    Set<String> baselines = new LinkedHashSet<>();
    spec.detectors().stream().filter(Component::baseline).forEach(d -> baselines.add(d.name()));
    for (CellResult outcome : finished.values()) {
      ResultRow first = outcome.representative();
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("roc_auc", first.measure(StandardMeasures.ROC_AUC));
      metrics.put("pr_auc", first.measure(StandardMeasures.PR_AUC));
      for (ResultRow r : outcome.rows()) {
        metrics.put("f1:" + r.thresholder(), r.measure(StandardMeasures.F1));
      }
      metrics.put("fit_seconds", first.failed() ? Double.NaN : outcome.training().fitSeconds());
      rows.add(new MetricRow(first.dataset(), first.detector(), first.seed(), metrics, ReportFlags.ofSummary(outcome)));
    }
    List<Metric> metrics = new ArrayList<>();
    metrics.add(Metric.score("roc_auc", "ROC AUC"));
    metrics.add(Metric.score("pr_auc", "PR AUC (AP)"));
    for (ThresholdRule rule : spec.thresholders()) {
      boolean oracle = LabelledThresholder.isOracle(rule.thresholder().instance());
      metrics.add(Metric.score("f1:" + rule.name(), "F1 (" + rule.name() + (oracle ? ", oracle" : "") + ")"));
    }
    metrics.add(new Metric("fit_seconds", "fit s", Metric.Better.NONE, 1));
    SummaryTable summary = SummaryTable.of(rows, metrics, baselines);

    List<TextTable> statistics = new ArrayList<>();
    List<Figure> overview = new ArrayList<>();
    statistics(summary, failedEverywhere(finished), statistics, overview);
    thresholderComparison(summary, overview);
    List<Section> sections = new ArrayList<>();
    for (String dataset : summary.datasets()) {
      sections.add(section(dataset, cells, finished));
    }
    Report report = new Report(spec.name(), spec.description(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", ad " + version(), specText(), summary, notes(finished),
        statistics, overview, sections);
    HtmlReport.write(report, outputDirectory);
  }

  /**
   * Friedman, Nemenyi and Wilcoxon over the datasets where every detector that has any result has a ROC
   * AUC, and the ROC AUC heat map.
   *
   * @param failed the detectors every cell of which failed: left out of the heat map (an empty column
   *     would read as a chart that lost its values) and of the ranks (they would leave out every
   *     dataset, and the other detectors would go unranked), each with a line saying so
   */
  private void statistics(SummaryTable summary, Set<String> failed, List<TextTable> tables, List<Figure> overview) {
    List<String> datasets = summary.datasets();
    // Detectors with a result somewhere: those whose every cell failed are neither charted nor ranked.
    List<String> detectors = summary.detectors().stream().filter(d -> !failed.contains(d)).toList();
    double[][] all = new double[datasets.size()][];
    for (int d = 0; d < datasets.size(); d++) {
      all[d] = means(summary, datasets.get(d), detectors);
    }
    // When every cell failed, the chart says it has no values to show.
    List<String> shown = detectors.isEmpty() ? summary.detectors() : detectors;
    if (spec.options().charts() && (datasets.size() > 1 || shown.size() > 1)) {
      double[][] auc = new double[datasets.size()][];
      for (int d = 0; d < datasets.size(); d++) {
        auc[d] = means(summary, datasets.get(d), shown);
      }
      List<String> left = summary.detectors().stream().filter(d -> !shown.contains(d)).toList();
      Path heatmap = charts.resolve("overview-roc_auc.png");
      output.write(HeatmapChart.rocAuc("ROC AUC, mean over seeds", datasets, shown, auc), heatmap);
      overview.add(Figure.wide(heatmap, "ROC AUC per dataset and detector (mean over seeds; the best of each row is named "
          + "beside it)." + (left.isEmpty() ? "" : " Not shown, as every cell of theirs failed (each dataset's section "
          + "says why): " + String.join(", ", left) + ".")));
    }
    List<double[]> complete = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (int d = 0; d < datasets.size(); d++) {
      if (java.util.Arrays.stream(all[d]).allMatch(Double::isFinite)) {
        complete.add(all[d]);
        used.add(datasets.get(d));
      }
    }
    if (detectors.size() < FriedmanTest.MINIMUM_DETECTORS) {
      return; // nothing to rank: no Statistics section rather than a note about it
    }
    if (!FriedmanTest.applies(complete.size(), detectors.size())) {
      // Say which datasets count, or a run with failed cells seems to have none.
      tables.add(new TextTable("Statistics", List.of("note"), List.of(List.of("Friedman and Nemenyi need at least "
          + FriedmanTest.MINIMUM_DATASETS + " datasets on which each of at least " + FriedmanTest.MINIMUM_DETECTORS
          + " detectors has a ROC AUC; this run has " + detectors.size() + " detectors and " + complete.size() + " of "
          + datasets.size() + " datasets on which every one has"
          + (complete.size() < datasets.size() ? " (a ROC AUC missing, e.g. for a failed cell, leaves its dataset out)" : "") + "."))));
      return;
    }
    double[][] matrix = complete.toArray(new double[0][]);
    FriedmanTest friedman = FriedmanTest.of(matrix);
    Ranks ranks = friedman.ranks();
    double cd = Nemenyi.criticalDifference(ranks);
    List<List<String>> rankRows = new ArrayList<>();
    for (int k = 0; k < detectors.size(); k++) {
      rankRows.add(List.of(detectors.get(k), fmt(ranks.average()[k], 3)));
    }
    List<String> unranked = summary.detectors().stream().filter(failed::contains).toList();
    tables.add(new TextTable("Average rank by ROC AUC over " + used.size() + " datasets (1 = best)"
        + (unranked.isEmpty() ? "" : "; not ranked, as every cell of theirs failed: " + String.join(", ", unranked)),
        List.of("detector", "average rank"), rankRows));
    tables.add(new TextTable("Friedman test and Nemenyi critical difference (alpha 0.05)",
        List.of("chi-square", "p", "Iman-Davenport F", "p", "critical difference"),
        List.of(List.of(fmt(friedman.chiSquare(), 3), fmt(friedman.chiSquareP(), 4), fmt(friedman.f(), 3),
            fmt(friedman.fP(), 4), fmt(cd, 3)))));
    List<List<String>> pairs = new ArrayList<>();
    for (PairwiseWilcoxon w : PairwiseWilcoxon.of(matrix)) {
      pairs.add(List.of(detectors.get(w.first()), detectors.get(w.second()), fmt(w.test().rPlus(), 1),
          fmt(w.test().rMinus(), 1), fmt(w.test().pValue(), 4), fmt(w.holmP(), 4)));
    }
    tables.add(new TextTable("Pairwise Wilcoxon signed-rank tests on ROC AUC, Holm-adjusted",
        List.of("first", "second", "R+", "R-", "p", "p (Holm)"), pairs));
    if (spec.options().charts()) {
      Path diagram = charts.resolve("overview-critical-difference.png");
      output.write(new CriticalDifferenceChart("Average rank by ROC AUC (CD = " + fmt(cd, 2) + ")",
          detectors, ranks.average(), cd), diagram);
      overview.add(Figure.wide(diagram, "Critical-difference diagram: detectors joined by a bar are not "
          + "significantly different (Nemenyi, alpha 0.05)"));
    }
  }

  /**
   * With several thresholders, F1 per dataset (rows) and thresholder (columns), averaged over seeds
   * and detectors: which label-free rule comes closest to the oracle. Oracle columns say so.
   */
  private void thresholderComparison(SummaryTable summary, List<Figure> overview) {
    if (spec.thresholders().size() < 2 || !spec.options().charts()) {
      return;
    }
    List<String> datasets = summary.datasets();
    List<String> columns = new ArrayList<>();
    double[][] f1 = new double[datasets.size()][spec.thresholders().size()];
    for (int t = 0; t < spec.thresholders().size(); t++) {
      ThresholdRule rule = spec.thresholders().get(t);
      boolean oracle = LabelledThresholder.isOracle(rule.thresholder().instance());
      columns.add(rule.name() + (oracle ? " (oracle)" : ""));
      for (int d = 0; d < datasets.size(); d++) {
        double sum = 0;
        int n = 0;
        for (String detector : summary.detectors(datasets.get(d))) {
          var stat = summary.stat(datasets.get(d), detector, "f1:" + rule.name());
          if (stat.isPresent() && Double.isFinite(stat.get().mean())) {
            sum += stat.get().mean();
            n++;
          }
        }
        f1[d][t] = n == 0 ? Double.NaN : sum / n;
      }
    }
    Path file = charts.resolve("overview-f1-by-thresholder.png");
    output.write(new HeatmapChart("F1 by thresholder, mean over seeds and detectors", datasets, columns, f1,
        0.0, 1.0, true), file);
    overview.add(Figure.wide(file, "F1 per dataset and thresholder (the best of each row is named beside it; an oracle column "
        + "chose its threshold with the test labels and bounds what a threshold rule can reach)"));
  }

  /** The detectors whose every finished cell failed, by name. */
  private static Set<String> failedEverywhere(Map<Integer, CellResult> finished) {
    Set<String> failed = new LinkedHashSet<>();
    Set<String> succeeded = new LinkedHashSet<>();
    for (CellResult outcome : finished.values()) {
      ResultRow first = outcome.representative();
      (first.failed() ? failed : succeeded).add(first.detector());
    }
    failed.removeAll(succeeded);
    return failed;
  }

  private static double[] means(SummaryTable summary, String dataset, List<String> detectors) {
    double[] out = new double[detectors.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = summary.stat(dataset, detectors.get(k), RANKED).map(s -> s.mean()).orElse(Double.NaN);
    }
    return out;
  }

  /**
   * Why cells failed, the decisions of every thresholder (a table per detector and one per cell,
   * folded), then overlaid ROC and PR curves, losses and histograms of the first seed.
   */
  private Section section(String dataset, List<CellSpec> cells, Map<Integer, CellResult> finished) {
    List<CellResult> ofDataset = finished.values().stream().filter(c -> c.cell().dataset().equals(dataset)).toList();
    List<String> thresholders = spec.thresholders().stream().map(ThresholdRule::name).toList();
    Set<String> oracles = new LinkedHashSet<>();
    spec.thresholders().stream().filter(rule -> LabelledThresholder.isOracle(rule.thresholder().instance()))
        .forEach(rule -> oracles.add(rule.name()));
    DecisionTables decisions = new DecisionTables(ofDataset,
        spec.detectors().stream().map(Component::name).toList(), thresholders, oracles);
    List<TextTable> tables = List.of(decisions.summary(), decisions.details());
    List<String> notes = decisions.failures();
    List<Figure> figures = new ArrayList<>();
    if (!spec.options().charts()) {
      return new Section(dataset, "", notes, tables, figures);
    }
    long seed = spec.seeds().get(0);
    List<RocSeries> roc = new ArrayList<>();
    List<PrSeries> pr = new ArrayList<>();
    double anomalyRate = Double.NaN;
    List<Figure> losses = new ArrayList<>();
    List<Figure> histograms = new ArrayList<>();
    List<Figure> samples = new ArrayList<>();
    for (CellSpec cell : cells) {
      CellResult outcome = finished.get(cell.index());
      if (outcome == null || !cell.dataset().name().equals(dataset) || cell.seed() != seed
          || outcome.representative().failed()) {
        continue;
      }
      ResultRow first = outcome.representative();
      CellCurves curves = outcome.curves();
      if (curves.hasRoc()) {
        roc.add(new RocSeries(cell.detector().name(), curves.rocFpr(), curves.rocTpr(),
            first.measure(StandardMeasures.ROC_AUC)));
        pr.add(new PrSeries(cell.detector().name(), curves.prRecall(), curves.prPrecision(),
            first.measure(StandardMeasures.PR_AUC)));
        anomalyRate = curves.anomalyRate();
      }
      if (curves.hasLoss()) {
        Path loss = charts.resolve("loss-" + cell.fileLabel() + ".png");
        output.write(LossChart.create("Loss: " + cell.detector().name() + " on " + dataset,
            toArray(curves.trainLoss()), toArray(curves.validationLoss()), curves.bestEpoch()), loss);
        losses.add(new Figure(loss, "Training and validation loss per epoch: " + cell.detector().name(), false));
      }
      samples.addAll(samples(cell, curves));
      String suffix = spec.thresholders().size() > 1 ? "-" + CellSpec.safe(spec.thresholders().get(0).name()) : "";
      Path histogram = charts.resolve("scores-" + cell.fileLabel() + suffix + ".png");
      if (Files.isRegularFile(histogram)) {
        histograms.add(new Figure(histogram, "Test scores with the " + spec.thresholders().get(0).name()
            + " threshold: " + cell.detector().name(), false));
      }
    }
    String label = CellSpec.safe(dataset) + "-seed" + seed;
    if (!roc.isEmpty()) {
      Path rocFile = charts.resolve("roc-" + label + ".png");
      output.write(RocChart.create("ROC on " + dataset + " (seed " + seed + ")", roc), rocFile);
      figures.add(new Figure(rocFile, "ROC curves, every detector (seed " + seed + ")", false));
      Path prFile = charts.resolve("pr-" + label + ".png");
      output.write(PrChart.create("Precision-recall on " + dataset + " (seed " + seed + ")", anomalyRate, pr),
          prFile);
      figures.add(new Figure(prFile, "Precision-recall curves; the dashed line is a random ranking", false));
    }
    figures.addAll(histograms);
    figures.addAll(losses);
    figures.addAll(samples);
    return new Section(dataset, "", notes, tables, figures);
  }

  /** The image grid or series chart of one cell (first seed), when its stored curves hold one. */
  private List<Figure> samples(CellSpec cell, CellCurves curves) {
    List<Figure> out = new ArrayList<>();
    String detector = cell.detector().name();
    String dataset = cell.dataset().name();
    if (curves.images() != null) {
      Path grid = charts.resolve("images-" + cell.fileLabel() + ".png");
      output.write(curves.images().chart("Most anomalous test images: " + detector + " on " + dataset), grid);
      out.add(Figure.wide(grid, "The " + curves.images().rows().length + " most anomalous test images, their "
          + "reconstructions by " + detector + " and the per-pixel squared error (scaled values)"));
    }
    if (curves.series() != null) {
      SeriesSample series = curves.series();
      Path chart = charts.resolve("series-" + cell.fileLabel() + ".png");
      output.write(series.chart(detector + " on " + dataset + ": " + series.file()), chart);
      out.add(Figure.wide(chart, "Test points of " + series.file() + (series.points().length
          >= SeriesSample.MAX_POINTS ? " (first " + SeriesSample.MAX_POINTS + ")" : "") + ": the signal as "
          + "scaled (up to " + SeriesSample.MAX_CHANNELS + " channels), point scores of " + detector
          + (Double.isNaN(series.threshold()) ? "" : " with the " + spec.thresholders().get(0).name()
          + " threshold") + "; labelled anomalies shaded"));
    }
    return out;
  }

  private List<String> notes(Map<Integer, CellResult> finished) {
    List<String> notes = new ArrayList<>();
    for (ThresholdRule rule : spec.thresholders()) {
      if (LabelledThresholder.isOracle(rule.thresholder().instance())) {
        notes.add("'" + rule.name() + "' is an ORACLE: its threshold was chosen with the test labels. Its F1 "
            + "is an upper bound for a threshold rule, not a result any label-free method achieved.");
      } else if (rule.fitOn() != ThresholdRule.FitOn.VALIDATION) {
        notes.add("'" + rule.name() + "' is fitted on the " + rule.fitOn().yamlName() + " scores.");
      }
    }
    long failed = finished.values().stream().filter(o -> o.representative().failed()).count();
    long failedRows = finished.values().stream().flatMap(o -> o.rows().stream()).filter(ResultRow::failed).count();
    if (failed > 0) {
      notes.add(failed + " cells failed: each dataset's section says why (so does results.csv). Missing seeds "
          + "show as n/m.");
    }
    if (failedRows > failed * spec.thresholders().size()) {
      notes.add("Some thresholders could not be fitted in some cells (e.g. too few reference scores); "
          + "those rows are failed in results.csv with the reason, the other rules' rows are kept.");
    }
    notes.add("Protocol: " + spec.protocol().type() + "; scaler: " + spec.scaler().type()
        + " (fitted on the training part only); seeds: " + spec.seeds() + ".");
    return notes;
  }

  /** The spec as resolved (every default filled in), as YAML like the file the user wrote. */
  private String specText() {
    try {
      return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(SpecJson.describe(spec));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String version() {
    String v = RunReport.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static String fmt(double v, int decimals) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}

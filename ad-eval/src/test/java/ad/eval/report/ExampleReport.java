package ad.eval.report;

import ad.core.Threshold;
import ad.eval.chart.ChartFiles;
import ad.eval.chart.CriticalDifferenceChart;
import ad.eval.chart.HeatmapChart;
import ad.eval.chart.ImageGridChart;
import ad.eval.chart.ImageGridChart.ImageRow;
import ad.eval.chart.LossChart;
import ad.eval.chart.PrChart;
import ad.eval.chart.PrSeries;
import ad.eval.chart.RocChart;
import ad.eval.chart.RocSeries;
import ad.eval.chart.ScoreHistogramChart;
import ad.eval.chart.SeriesChart;
import ad.eval.chart.SeriesChart.Channel;
import ad.eval.metrics.AveragePrecision;
import ad.eval.metrics.PrCurve;
import ad.eval.metrics.RocAuc;
import ad.eval.metrics.RocCurve;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A realistic example report from made-up but plausible numbers: 3 datasets x 4 detectors x 3 seeds,
 * with every chart type. Run {@link #main} to render one for a look in a browser (see
 * {@code .ci/render-report.sh}); tests use it as a fixture.
 */
public final class ExampleReport {
  static final List<String> DATASETS = List.of("thyroid", "mnist (digit 0 normal)", "ecg <lead II> & \"noise\"");
  static final List<String> DETECTORS = List.of("dense_ae", "deep_ae", "isolation_forest", "pca");
  static final Set<String> BASELINES = Set.of("isolation_forest", "pca");
  /** How well each detector separates the classes on each dataset (d' of the score distributions). */
  private static final double[][] SEPARATION = {{2.6, 2.9, 2.2, 1.8}, {2.2, 2.8, 1.1, 1.9}, {2.4, 2.1, 1.6, 2.3}};
  private static final double[] ANOMALY_RATE = {0.025, 0.1, 0.05};

  private ExampleReport() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/example-report");
    Path page = HtmlReport.write(build(dir, true), dir);
    System.out.println(page.toAbsolutePath());
  }

  /** Writes the charts into {@code dir} and returns the report; {@code full} adds the slower charts. */
  static Report build(Path dir, boolean full) {
    List<MetricRow> rows = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    for (int d = 0; d < DATASETS.size(); d++) {
      Random random = new Random(100 + d);
      int n = 1000;
      boolean[] labels = labels(n, ANOMALY_RATE[d], random);
      List<RocSeries> rocs = new ArrayList<>();
      List<PrSeries> prs = new ArrayList<>();
      Map<String, double[]> firstSeedScores = new HashMap<>();
      for (int k = 0; k < DETECTORS.size(); k++) {
        for (long seed = 1; seed <= 3; seed++) {
          double[] scores = scores(labels, SEPARATION[d][k] + 0.15 * random.nextGaussian(), random);
          Map<String, Double> m = new LinkedHashMap<>();
          m.put("roc_auc", RocAuc.of(labels, scores));
          m.put("pr_auc", AveragePrecision.of(labels, scores));
          m.put("f1", f1(labels, scores, quantile(scores, 1 - ANOMALY_RATE[d])));
          m.put("fit_seconds", (k < 2 ? 20 : 0.5) * (1 + 0.1 * random.nextGaussian()));
          if (d == 1 && k == 1 && seed == 3) {
            m.replaceAll((key, v) -> Double.NaN);  // a failed cell
          }
          rows.add(new MetricRow(DATASETS.get(d), DETECTORS.get(k), seed, m));
          if (seed == 1) {
            firstSeedScores.put(DETECTORS.get(k), scores);
            RocCurve roc = RocCurve.of(labels, scores);
            rocs.add(new RocSeries(DETECTORS.get(k), roc.fpr(), roc.tpr(), m.get("roc_auc")));
            PrCurve pr = PrCurve.of(labels, scores);
            prs.add(new PrSeries(DETECTORS.get(k), pr.recall(), pr.precision(), m.get("pr_auc")));
          }
        }
      }
      String name = DATASETS.get(d);
      String slug = "d" + (d + 1);
      List<Figure> figures = new ArrayList<>();
      figures.add(new Figure(ChartFiles.writePng(RocChart.create("ROC: " + name, rocs),
          dir.resolve("roc-" + slug + ".png")), "ROC curves, seed 1"));
      figures.add(new Figure(ChartFiles.writePng(PrChart.create("Precision-recall: " + name, ANOMALY_RATE[d], prs),
          dir.resolve("pr-" + slug + ".png")), "Precision-recall curves, seed 1"));
      double[] ae = firstSeedScores.get("dense_ae");
      double t = quantile(ae, 0.97);
      figures.add(new Figure(ChartFiles.writePng(ScoreHistogramChart.create("Test scores: dense_ae on " + name,
          ae, labels, new Threshold(t, "97th percentile of validation scores")),
          dir.resolve("hist-" + slug + ".png")), "dense_ae, seed 1"));
      figures.add(new Figure(ChartFiles.writePng(lossChart(name, random), dir.resolve("loss-" + slug + ".png")),
          "dense_ae training, seed 1"));
      if (full && d == 1) {
        figures.add(Figure.wide(ChartFiles.writePng(imageGrid(random), dir.resolve("images-" + slug + ".png")),
            "The 5 most anomalous test images (deep_ae, seed 1)"));
      }
      if (full && d == 2) {
        figures.add(Figure.wide(ChartFiles.writePng(seriesChart(random), dir.resolve("series-" + slug + ".png")),
            "Signal, dense_ae score and labelled anomalies, test part"));
      }
      sections.add(new Section(name, String.format(Locale.ROOT, "%d test rows, %.1f%% anomalous.", n,
          100 * ANOMALY_RATE[d]), List.of(), figures));
    }
    List<Metric> metrics = List.of(Metric.score("roc_auc", "ROC AUC"), Metric.score("pr_auc", "PR AUC"),
        Metric.score("f1", "F1 @ threshold"), new Metric("fit_seconds", "Fit (s)", Metric.Better.NONE, 1));
    SummaryTable summary = SummaryTable.of(rows, metrics, BASELINES);
    List<Figure> overview = new ArrayList<>();
    overview.add(Figure.wide(ChartFiles.writePng(HeatmapChart.rocAuc("Mean ROC AUC", summary.datasets(),
        summary.detectors(), summary.means("roc_auc")), dir.resolve("heatmap-roc-auc.png")),
        "Mean ROC AUC over seeds"));
    double[] ranks = averageRanks(summary.means("roc_auc"));
    overview.add(Figure.wide(ChartFiles.writePng(new CriticalDifferenceChart("Average rank by ROC AUC",
        summary.detectors(), ranks, 2.708), dir.resolve("cd-roc-auc.png")),
        "Nemenyi test, alpha = 0.05, 3 datasets"));
    TextTable friedman = new TextTable("Friedman test on mean ROC AUC", List.of("Statistic", "Value"),
        List.of(List.of("chi\u00b2 (3 df)", "6.20"), List.of("p", "0.102"), List.of("critical difference", "2.708")));
    TextTable wilcoxon = new TextTable("Pairwise Wilcoxon signed-rank tests, Holm-corrected",
        List.of("A", "B", "p", "p (Holm)", "significant"),
        List.of(List.of("deep_ae", "pca", "0.031", "0.186", "no"),
            List.of("deep_ae", "isolation_forest", "0.047", "0.235", "no"),
            List.of("dense_ae", "pca", "0.250", "0.750", "no")));
    String spec = """
        name: baselines-vs-autoencoders
        seeds: [1, 2, 3]
        datasets:
          - {type: odds, name: thyroid}
          - {type: mnist, normal_digit: 0}
          - {type: ucr, name: "ecg <lead II>"}
        detectors:
          - {type: dense_autoencoder, name: dense_ae, hidden_layers: [16, 4, 16], epochs: 60}
          - {type: dense_autoencoder, name: deep_ae, hidden_layers: [64, 32, 8, 32, 64]}
          - {type: isolation_forest, trees: 100}
          - {type: pca, variance: 0.95}
        threshold: {type: percentile, percentile: 97}
        """;
    return new Report("baselines-vs-autoencoders",
        "Do autoencoders beat cheap baselines? Two dense autoencoders against Isolation Forest and PCA "
            + "reconstruction error, novelty protocol, 3 seeds. <script>alert('x')</script>",
        "Generated 2026-05-01 14:03 UTC by ad 0.1.0-SNAPSHOT", spec, summary,
        List.of("F1 is at the 97th-percentile threshold of validation scores; best F1 over all thresholds "
            + "would be an oracle and is not shown.", "n/m: only n of m seeds gave a value (the others failed)."),
        List.of(friedman, wilcoxon), overview, sections);
  }

  private static boolean[] labels(int n, double rate, Random random) {
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextDouble() < rate;
    }
    labels[0] = true;
    labels[1] = false;
    return labels;
  }

  /** Log-normal-ish reconstruction errors, anomalies shifted by {@code separation} standard deviations. */
  private static double[] scores(boolean[] labels, double separation, Random random) {
    double[] s = new double[labels.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = 0.01 * Math.exp(0.5 * (random.nextGaussian() + (labels[i] ? separation : 0)));
    }
    return s;
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }

  private static double f1(boolean[] labels, double[] scores, double threshold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < labels.length; i++) {
      boolean flagged = scores[i] > threshold;
      tp += flagged && labels[i] ? 1 : 0;
      fp += flagged && !labels[i] ? 1 : 0;
      fn += !flagged && labels[i] ? 1 : 0;
    }
    return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
  }

  /** Ranks per dataset (1 = highest), averaged over datasets. */
  private static double[] averageRanks(double[][] means) {
    double[] sum = new double[means[0].length];
    for (double[] row : means) {
      for (int j = 0; j < row.length; j++) {
        int better = 0;
        int equal = 0;
        for (double v : row) {
          better += v > row[j] ? 1 : 0;
          equal += v == row[j] ? 1 : 0;
        }
        sum[j] += better + (equal + 1) / 2.0;
      }
    }
    return Arrays.stream(sum).map(s -> s / means.length).toArray();
  }

  private static org.knowm.xchart.XYChart lossChart(String name, Random random) {
    int epochs = 40;
    double[] train = new double[epochs];
    double[] validation = new double[epochs];
    for (int e = 0; e < epochs; e++) {
      train[e] = 0.002 + 0.08 * Math.exp(-e / 6.0) * (1 + 0.03 * random.nextGaussian());
      validation[e] = 0.003 + 0.08 * Math.exp(-e / 6.0) + 0.00004 * Math.max(0, e - 25) * (e - 25)
          + 0.0003 * random.nextGaussian();
    }
    int best = 0;
    for (int e = 1; e < epochs; e++) {
      best = validation[e] < validation[best] ? e : best;
    }
    return LossChart.create("Loss: dense_ae on " + name, train, validation, best);
  }

  private static ImageGridChart imageGrid(Random random) {
    List<ImageRow> rows = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      float[] original = new float[28 * 28];
      float[] reconstruction = new float[28 * 28];
      double angle = random.nextDouble() * Math.PI;
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          double dx = x - 13.5;
          double dy = y - 13.5;
          double ring = Math.exp(-Math.pow(Math.hypot(dx / 0.75, dy) - 9, 2) / 3);
          double stroke = Math.exp(-Math.pow(dx * Math.cos(angle) + dy * Math.sin(angle), 2) / 2)
              * (Math.abs(dx) < 10 && Math.abs(dy) < 10 ? 1 : 0);
          original[y * 28 + x] = (float) Math.min(1, ring + stroke);
          reconstruction[y * 28 + x] = (float) Math.min(1, 0.9 * ring + 0.05 * random.nextDouble());
        }
      }
      rows.add(new ImageRow(String.format(Locale.ROOT, "#%d  score %.3f", 100 + 37 * r, 0.09 - 0.01 * r),
          original, reconstruction));
    }
    return new ImageGridChart("Most anomalous test images: deep_ae", 28, 28, 1, rows);
  }

  private static SeriesChart seriesChart(Random random) {
    int n = 3000;
    double[] lead = new double[n];
    double[] scores = new double[n];
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      double phase = (i % 150) / 150.0;
      boolean anomalous = (i >= 900 && i < 1050) || (i >= 2200 && i < 2260);
      labels[i] = anomalous;
      double beat = Math.exp(-Math.pow((phase - 0.3) / 0.02, 2)) * (anomalous ? 0.4 : 1.2)
          - 0.2 * Math.exp(-Math.pow((phase - 0.36) / 0.02, 2)) + 0.25 * Math.exp(-Math.pow((phase - 0.65) / 0.06, 2));
      lead[i] = beat + 0.03 * random.nextGaussian();
      scores[i] = i < 50 ? Double.NaN : 0.02 + 0.005 * random.nextGaussian() + (anomalous ? 0.05 : 0);
    }
    return new SeriesChart("ecg <lead II>: dense_ae", null, List.of(new Channel("lead II", lead)), scores,
        0.04, labels);
  }
}

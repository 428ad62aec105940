package ad.experiments.guide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

// tag::imports[]
import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Scores;
import ad.core.Threshold;
import ad.core.data.CsvSource;
import ad.core.protocol.NoveltyProtocol;
import ad.core.protocol.Split;
import ad.core.registry.Registry;
import ad.core.scale.FittedScaler;
import ad.core.scale.MinMaxScaler;
import ad.eval.cell.ResultRow;
import ad.eval.metrics.AveragePrecision;
import ad.eval.metrics.ConfusionMatrix;
import ad.eval.metrics.RocAuc;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineBuilder;
import ad.eval.pipeline.PipelineFile;
import ad.eval.run.ExperimentRunner;
import ad.eval.run.RunSummary;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecReader;
import ad.eval.threshold.MeanStdThresholder;
import ad.models.dense.DenseAutoencoder;
import ad.models.dense.DenseAutoencoderOptions;
import java.nio.file.Path;
import java.util.List;
// end::imports[]
import ad.experiments.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of {@code docs/java-api.md}, run: each region between {@code tag::NAME[]} and
 * {@code end::NAME[]} is the doc's snippet NAME, character for character ({@link GuideSnippetsTest}
 * checks the doc against this file), and the assertions around it check that it does what the guide
 * says.
 */
class JavaApiGuideTest {
  @TempDir
  static Path folder;
  static Path csvFile;

  /** A CSV as users have them: a header, six numeric features and a 0/1 label; 3% anomalies. */
  @BeforeAll
  static void writeCsv() throws IOException {
    Random random = new Random(5);
    StringBuilder csv = new StringBuilder("f1,f2,f3,f4,f5,f6,label\n");
    for (int row = 0; row < 1000; row++) {
      boolean anomalous = row % 33 == 0;
      double base = random.nextGaussian();
      for (int column = 0; column < 6; column++) {
        // Normal rows lie near a line (correlated columns); anomalies break the correlation.
        double value = anomalous ? 2 * random.nextGaussian() : base * (column + 1) / 3.0 + 0.2 * random.nextGaussian();
        csv.append(String.format(Locale.ROOT, "%.4f,", value));
      }
      csv.append(anomalous ? "1\n" : "0\n");
    }
    csvFile = folder.resolve("sensors.csv");
    Files.writeString(csvFile, csv);
  }

  @Test
  void fitScoreThresholdEvaluate() {
    // tag::load[]
    Dataset data = CsvSource.of(csvFile.toString()).load();    // a 'label' column: 1 = anomalous
    Split split = new NoveltyProtocol(0.2, 0.2).split(data, 42); // train on normal rows only
    // end::load[]
    assertEquals(1000, data.rows());
    assertEquals(0, split.train().anomalyCount());

    // tag::fit[]
    FittedScaler scaler = new MinMaxScaler().fit(split.train());  // fitted on the training rows only
    Detector detector = new DenseAutoencoder(new DenseAutoencoderOptions(List.of(8, 3, 8)));
    DetectorModel model = detector.fit(scaler.transform(split.train()), 42);
    // end::fit[]

    // tag::score[]
    Scores reference = model.score(scaler.transform(split.validation()));
    Threshold threshold = new MeanStdThresholder(3.0).fit(reference);  // mean + 3 std of normal rows
    Dataset test = split.test();
    Scores scores = model.score(scaler.transform(test));             // higher = more anomalous
    boolean[] flagged = threshold.apply(scores);                     // score > threshold
    // end::score[]
    assertEquals(test.rows(), flagged.length);

    // tag::evaluate[]
    double rocAuc = RocAuc.of(test.labels(), scores.values());
    double averagePrecision = AveragePrecision.of(test.labels(), scores.values());
    ConfusionMatrix counts = ConfusionMatrix.of(test.labels(), flagged);
    System.out.printf("ROC AUC %.3f, AP %.3f, precision %.3f, recall %.3f, F1 %.3f%n",
        rocAuc, averagePrecision, counts.precision(), counts.recall(), counts.f1());
    // end::evaluate[]
    assertTrue(rocAuc > 0.9, "ROC AUC " + rocAuc);
    assertTrue(counts.f1() > 0.5, counts.toString());
  }

  @Test
  void saveAndLoadAPipeline() throws IOException {
    Dataset data = CsvSource.of(csvFile.toString()).load();
    Split split = new NoveltyProtocol(0.2, 0.2).split(data, 42);
    // tag::pipeline[]
    Registry registry = Registry.load();                  // every detector, scaler, thresholder, ...
    Pipeline pipeline = new PipelineBuilder(registry)
        .scaler("min_max")
        .detector(new DenseAutoencoderOptions(List.of(8, 3, 8)))
        .thresholder(new MeanStdThresholder(3.0))          // the first one added decides
        .fit(split.train(), split.validation(), 42);       // scaler on train, threshold on validation
    Path file = folder.resolve("sensors.adp");
    PipelineFile.write(file, pipeline);                   // what 'ad score --model' reads too

    Pipeline loaded = PipelineFile.read(file, registry);
    Scores scores = loaded.score(split.test());           // raw rows: the pipeline scales them
    boolean[] anomalous = loaded.threshold().apply(scores);
    // end::pipeline[]
    assertArrayEquals(pipeline.score(split.test()).values(), scores.values());
    assertEquals(pipeline.threshold(), loaded.threshold());
    assertTrue(RocAuc.of(split.test().labels(), scores.values()) > 0.9);
    int flagged = 0;
    for (boolean a : anomalous) {
      flagged += a ? 1 : 0;
    }
    assertTrue(flagged > 0 && flagged < anomalous.length, flagged + " flagged");

    // As the guide says, 'ad score' scores new rows with the file: the same scores as the pipeline.
    Path scored = folder.resolve("scored.csv");
    StringWriter err = new StringWriter();
    assertEquals(0, Main.execute(new String[] {"score", "--model", file.toString(), "--input", csvFile.toString(),
        "--out", scored.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
    double[] expected = pipeline.score(data).values();
    List<String> lines = Files.readAllLines(scored);
    assertEquals(data.rows() + 1, lines.size());
    int score = List.of(lines.get(0).split(",")).indexOf("score");
    for (int row = 0; row < data.rows(); row++) {
      double got = Double.parseDouble(lines.get(row + 1).split(",")[score]);
      assertEquals(expected[row], got, 1e-6 * Math.max(1, Math.abs(got)), "row " + (row + 1));
    }
  }

  @Test
  void runAnExperimentSpec() {
    Registry registry = Registry.load();
    // tag::experiment[]
    String yaml = """
        name: java-guide
        seeds: [1, 2]
        datasets:
          - {name: blobs, type: synthetic, dimensions: 8, normal: {count: 400}, anomalies: {count: 20, mean: 3.0}}
        protocol: {type: novelty, validation_fraction: 0.2, test_fraction: 0.2}
        detectors:
          - {name: pca, type: pca}
          - {name: dense, type: dense_autoencoder, hidden_layers: [4], epochs: 20}
        thresholder: {type: mean_std, k: 3}
        """;
    ExperimentSpec spec = new SpecReader(registry).read(folder.resolve("java-guide.yaml"), yaml);
    RunSummary summary = new ExperimentRunner(spec, folder.resolve("out")).run();  // results.csv, report.html, ...
    for (ResultRow row : summary.results()) {
      System.out.printf("%s %s seed %d: ROC AUC %.3f, F1 %.3f%n", row.dataset(), row.detector(), row.seed(),
          row.measure("roc_auc"), row.measure("f1"));
    }
    // end::experiment[]
    assertEquals(4, summary.results().size());
    assertEquals(0, summary.failedCount());
    for (ResultRow row : summary.results()) {
      assertTrue(row.measure("roc_auc") > 0.9, row.detector() + " seed " + row.seed() + ": " + row.measure("roc_auc"));
    }
    assertTrue(Files.isRegularFile(folder.resolve("out/results.csv")));
    assertTrue(Files.isRegularFile(folder.resolve("out/report.html")));
    assertFalse(Files.exists(folder.resolve("java-guide.yaml")), "the spec was read from the text");
  }
}

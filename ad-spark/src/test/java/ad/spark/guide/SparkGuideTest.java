package ad.spark.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// tag::imports[]
import ad.core.registry.Registry;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineFile;
import ad.spark.score.ScoringOptions;
import ad.spark.score.SparkScoring;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
// end::imports[]
import ad.core.data.CsvSource;
import ad.core.protocol.NoveltyProtocol;
import ad.core.protocol.Split;
import ad.eval.pipeline.PipelineBuilder;
import ad.eval.threshold.MeanStdThresholder;
import ad.models.baseline.PcaOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark snippet of {@code docs/java-api.md}, run (the guide shows the region between
 * {@code tag::spark[]} and {@code end::spark[]}; ad-experiments' GuideSnippetsTest checks that it does).
 */
class SparkGuideTest {
  @TempDir
  Path folder;

  @Test
  void scoreASparkDataFrame() throws IOException {
    Path csvFile = folder.resolve("rows.csv");
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder("f1,f2,f3,label\n");
    for (int row = 0; row < 300; row++) {
      boolean anomalous = row % 30 == 0;
      double base = random.nextGaussian();
      for (int column = 0; column < 3; column++) {
        csv.append(String.format(Locale.ROOT, "%.4f,",
            anomalous ? 2 * random.nextGaussian() : base * (column + 1) + 0.1 * random.nextGaussian()));
      }
      csv.append(anomalous ? "1\n" : "0\n");
    }
    Files.writeString(csvFile, csv);
    ad.core.Dataset table = CsvSource.of(csvFile.toString()).load();
    Split split = new NoveltyProtocol(0.2, 0.2).split(table, 1);
    Pipeline fitted = new PipelineBuilder(Registry.load()).detector(PcaOptions.ofComponents(1))
        .thresholder(new MeanStdThresholder(3.0)).fit(split.train(), split.validation(), 1);
    Path modelFile = folder.resolve("model.adp");
    PipelineFile.write(modelFile, fitted);

    SparkSession spark = SparkSession.builder().master("local[2]").appName("guide")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      // tag::spark[]
      Pipeline pipeline = PipelineFile.read(modelFile, Registry.load());
      Dataset<Row> rows = spark.read().option("header", "true").csv(csvFile.toString());  // or .parquet(...)
      Dataset<Row> scored = SparkScoring.score(rows, pipeline, ScoringOptions.defaults()); // lazy, like any Dataset
      scored.filter("anomalous").select("f1", "f2", "f3", "score", "top1_feature").show(5);
      // end::spark[]
      List<Row> all = scored.collectAsList();
      assertEquals(300, all.size());
      double[] expected = fitted.score(table).values();
      int flagged = 0;
      for (int i = 0; i < all.size(); i++) {
        Row row = all.get(i);
        double score = row.getDouble(row.fieldIndex("score"));
        assertEquals(expected[i], score, 1e-5 * Math.max(1, Math.abs(score)), "row " + i);
        flagged += row.getBoolean(row.fieldIndex("anomalous")) ? 1 : 0;
      }
      assertTrue(flagged >= 5 && flagged < 60, flagged + " rows flagged");
    } finally {
      spark.stop();
    }
  }
}

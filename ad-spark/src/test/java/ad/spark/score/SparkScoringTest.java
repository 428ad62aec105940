package ad.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineFile;
import ad.eval.pipeline.StreamingScorer;
import ad.spark.SparkMain;
import ad.spark.bench.SyntheticTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ad score --spark local[2]} and {@link SparkScoring} against {@code ad score}'s own streaming
 * scorer on the same rows: same scores (to the last bits the batch layout may change), same decisions,
 * unseen categories and top features; and the user mistakes it must refuse with exit status 2.
 */
class SparkScoringTest {
  static final int ROWS = 3000;
  @TempDir
  static Path temp;
  static Path model;
  static Path csv;
  static Pipeline pipeline;
  /** ad score's output on {@link #csv}, by row id: score, anomalous, unseen, top1 feature. */
  static Map<String, String[]> expected;

  @BeforeAll
  static void fixture() throws IOException {
    pipeline = SyntheticTable.fitPipeline(2000, 3, 11);
    model = temp.resolve("model.adp");
    PipelineFile.write(model, pipeline);
    SparkSession spark = SparkSession.builder().master("local[2]").appName("fixture")
        .config("spark.ui.enabled", "false").getOrCreate();
    List<Row> rows;
    try {
      rows = SyntheticTable.table(spark, ROWS, 3, 5).collectAsList();
    } finally {
      spark.stop();
    }
    StringBuilder text = new StringBuilder("id,");
    SyntheticTable.featureNames().forEach(f -> text.append(f).append(','));
    text.append("proto,label\n");
    for (Row row : rows) {
      for (int i = 0; i < row.length(); i++) {
        text.append(i == 0 ? "" : ",").append(row.get(i));
      }
      text.append('\n');
    }
    csv = temp.resolve("rows.csv");
    Files.writeString(csv, text);
    StringWriter out = new StringWriter();
    new StreamingScorer(pipeline, null, 1000, 3).score(csv, "rows.csv", "id", out, n -> { });
    expected = new HashMap<>();
    String[] lines = out.toString().split("\n");
    assertEquals("id,score,anomalous,unseen_categories,top1_feature,top1_error,top2_feature,top2_error,"
        + "top3_feature,top3_error", lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",");
      expected.put(f[0], new String[] {f[1], f[2], f[3], f[4]});
    }
  }

  static int score(StringWriter err, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "score";
    all[1] = "--spark";
    all[2] = "local[2]";
    System.arraycopy(args, 0, all, 3, args.length);
    return SparkMain.execute(all, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
  }

  static List<Row> read(Path parquet) {
    SparkSession spark = SparkSession.builder().master("local[1]").appName("check")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      return spark.read().parquet(parquet.toString()).collectAsList();
    } finally {
      spark.stop();
    }
  }

  @Test
  void csvOnSparkGivesAdScoresValues() throws IOException {
    Path out = temp.resolve("scored-csv");
    StringWriter err = new StringWriter();
    assertEquals(0, score(err, "--model", model.toString(), "--input", csv.toString(), "--out", out.toString(),
        "--id-column", "id", "--partitions", "3", "--batch", "700"), err.toString());
    assertTrue(err.toString().contains("scored " + ROWS + " rows"), err.toString());
    List<Row> scored = read(out);
    assertEquals(ROWS, scored.size());
    Row first = scored.get(0);
    assertEquals(List.of("id", "score", "anomalous", "unseen_categories", "top1_feature", "top1_error",
        "top2_feature", "top2_error", "top3_feature", "top3_error"), List.of(first.schema().fieldNames()));
    int flagged = 0;
    int unseen = 0;
    for (Row row : scored) {
      String[] want = expected.get(row.getString(0));
      double score = row.getDouble(1);
      assertEquals(Double.parseDouble(want[0]), score, 1e-5 * Math.max(1, Math.abs(score)), "row " + row.get(0));
      assertEquals(want[1].equals("1"), row.getBoolean(2), "row " + row.get(0));
      assertEquals(Integer.parseInt(want[2]), row.getInt(3));
      assertEquals(want[3], row.getString(4));
      flagged += row.getBoolean(2) ? 1 : 0;
      unseen += row.getInt(3);
    }
    assertTrue(flagged >= ROWS / SyntheticTable.ANOMALY_EVERY / 2, "flagged " + flagged);
    assertEquals(ROWS / (2 * SyntheticTable.ANOMALY_EVERY), unseen);

    // Numbered rows (no --id-column), the file read in 3 splits: row r is the r-th data line (id r - 1).
    Path numbered = temp.resolve("scored-numbered");
    assertEquals(0, score(err, "--model", model.toString(), "--input", csv.toString(), "--out",
        numbered.toString(), "--top-k", "1", "--batch", "500", "--partitions", "1"), err.toString());
    Path split = temp.resolve("scored-split");
    System.setProperty("spark.sql.files.maxPartitionBytes", "100000");
    try {
      assertEquals(0, score(err, "--model", model.toString(), "--input", csv.toString(), "--out", split.toString(),
          "--top-k", "1", "--batch", "500"), err.toString());
    } finally {
      System.clearProperty("spark.sql.files.maxPartitionBytes");
    }
    assertTrue(Files.list(split).filter(f -> f.toString().endsWith(".parquet")).count() > 2, "several splits");
    for (Path out2 : List.of(numbered, split)) {
      List<Row> rows = read(out2);
      assertEquals(ROWS, rows.size());
      for (Row row : rows) {
        String[] want = expected.get(Long.toString(row.getLong(0) - 1));
        assertEquals(Double.parseDouble(want[0]), row.getDouble(1), 1e-5 * Math.max(1, Math.abs(row.getDouble(1))),
            out2 + " row " + row.get(0));
      }
    }
  }

  @Test
  void parquetFolderWithRowNumbersAndTheJavaApi() {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("api")
        .config("spark.ui.enabled", "false").getOrCreate();
    Path parquet = temp.resolve("rows.parquet");
    try {
      org.apache.spark.sql.Dataset<Row> rows = SyntheticTable.table(spark, ROWS, 3, 5);
      rows.write().parquet(parquet.toString());
      // The Java API keeps every input column and adds the score columns.
      org.apache.spark.sql.Dataset<Row> scored = SparkScoring.score(spark.read().parquet(parquet.toString()),
          pipeline, ScoringOptions.defaults().withTopK(1));
      List<String> names = List.of(scored.schema().fieldNames());
      assertEquals(List.of("id", "f0"), names.subList(0, 2));
      assertEquals(List.of("score", "anomalous", "unseen_categories", "top1_feature", "top1_error"),
          names.subList(names.size() - 5, names.size()));
      int checked = 0;
      for (Row row : scored.collectAsList()) {
        String[] want = expected.get(Long.toString(row.getLong(0)));
        double score = row.getDouble(row.fieldIndex("score"));
        assertEquals(Double.parseDouble(want[0]), score, 1e-5 * Math.max(1, Math.abs(score)));
        assertEquals(want[3], row.getString(row.fieldIndex("top1_feature")));
        checked++;
      }
      assertEquals(ROWS, checked);
    } finally {
      spark.stop();
    }
    // The command on the folder of parts, numbering rows: a number per row, 1..ROWS.
    Path out = temp.resolve("scored-parquet");
    StringWriter err = new StringWriter();
    assertEquals(0, score(err, "--model", model.toString(), "--input", parquet.toString(), "--out",
        out.toString(), "--top-k", "0"), err.toString());
    List<Row> scored = read(out);
    assertEquals(List.of("row", "score", "anomalous", "unseen_categories"), List.of(scored.get(0).schema().fieldNames()));
    assertEquals(ROWS, scored.stream().mapToLong(r -> r.getLong(0)).distinct().count());
    assertEquals(ROWS, scored.stream().mapToLong(r -> r.getLong(0)).max().orElseThrow());
  }

  @Test
  void userMistakesExitWithStatusTwoAndAClearMessage() throws IOException {
    StringWriter err = new StringWriter();
    Path lacking = temp.resolve("lacking.csv");
    Files.writeString(lacking, "id,f0,proto\n1,0.5,tcp\n");
    assertEquals(2, score(err, "--model", model.toString(), "--input", lacking.toString(), "--out",
        temp.resolve("never").toString()));
    assertTrue(err.toString().contains("lacking.csv: the model needs column 'f1', which the input lacks"),
        err.toString());
    assertFalse(Files.exists(temp.resolve("never")));

    Path bad = temp.resolve("bad.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(csv).subList(0, 50));
    lines.set(40, lines.get(40).replaceFirst(",[^,]*,", ",oops,"));
    Files.write(bad, lines);
    err = new StringWriter();
    assertEquals(2, score(err, "--model", model.toString(), "--input", bad.toString(), "--out",
        temp.resolve("never").toString(), "--id-column", "id"));
    assertTrue(err.toString().contains("column 'f0' expected a number, got 'oops'"), err.toString());
    assertTrue(err.toString().contains("row '" + lines.get(40).split(",")[0] + "'"), err.toString());
    assertFalse(Files.exists(temp.resolve("never")), "no partial output");

    Path ragged = temp.resolve("ragged.csv");
    List<String> longer = new ArrayList<>(Files.readAllLines(csv).subList(0, 50));
    longer.set(40, longer.get(40) + ",9");
    Files.write(ragged, longer);
    err = new StringWriter();
    assertEquals(2, score(err, "--model", model.toString(), "--input", ragged.toString(), "--out",
        temp.resolve("never").toString()));
    assertTrue(err.toString().contains("a CSV line does not have the header's number of fields"), err.toString());
    assertTrue(err.toString().contains("ragged.csv"), err.toString());
    assertFalse(err.toString().contains("internal error"), err.toString());

    err = new StringWriter();
    assertEquals(2, score(err, "--model", model.toString(), "--input", csv.toString(), "--out", csv.toString()));
    assertTrue(err.toString().contains("overlaps the input"), err.toString());

    err = new StringWriter();
    assertEquals(2, score(err, "--model", temp.resolve("missing.adp").toString(), "--input", csv.toString(),
        "--out", temp.resolve("never").toString()));
    assertTrue(err.toString().contains("model file not found"), err.toString());
  }
}

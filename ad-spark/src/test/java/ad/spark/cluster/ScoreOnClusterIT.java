package ad.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.eval.pipeline.PipelineFile;
import ad.spark.SparkMain;
import ad.spark.bench.SyntheticTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ad score} submitted with spark-submit to a real standalone cluster (a Master, a Worker and
 * its executor in JVMs of their own, ad shipped with --jars) gives exactly the scores of a
 * {@code local[2]} run of the same command on the same Parquet input; a bad cell found by an executor
 * reaches the driver as a user error (exit status 2, the row and the column named).
 */
class ScoreOnClusterIT {
  static final int ROWS = 20_000;
  static final Duration TIMEOUT = Duration.ofMinutes(5);
  static StandaloneCluster cluster;
  static SparkInstall install;
  static Path work;
  static Path model;
  static Path input;

  @BeforeAll
  static void start() throws IOException {
    work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "score-it-");
    install = SparkInstall.fromBuild(Path.of("target"), Path.of("target", "spark-cluster", "home"));
    cluster = StandaloneCluster.start(install, "score", StandaloneCluster.Options.small());
    model = work.resolve("model.adp");
    PipelineFile.write(model, SyntheticTable.fitPipeline(2000, 3, 11));
    input = work.resolve("input.parquet");
    SparkSession spark = SparkSession.builder().master("local[2]").appName("fixture")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      SyntheticTable.table(spark, ROWS, 4, 3).write().parquet(input.toString());
    } finally {
      spark.stop();
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void clusterRunEqualsLocalRun() throws Exception {
    Path local = work.resolve("local-out");
    StringWriter err = new StringWriter();
    int status = SparkMain.execute(new String[] {"score", "--spark", "local[2]", "--model", model.toString(),
        "--input", input.toString(), "--out", local.toString(), "--id-column", "id"},
        new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(0, status, err.toString());

    Path remote = work.resolve("cluster-out");
    StandaloneCluster.Submission run = cluster.submit("ad.spark.SparkMain", install.appJar(), install.adJars(),
        Map.of(), TIMEOUT, "score", "--model", model.toString(), "--input", input.toString(), "--out",
        remote.toString(), "--id-column", "id");
    System.out.println("cluster score job: " + run.wall().toMillis() + " ms wall (spark-submit to exit), log "
        + run.log());
    assertEquals(0, run.exitStatus(), run.output());
    assertTrue(run.output().contains("scored " + ROWS + " rows"), run.output());
    // The executor ran in a JVM of the Worker's, not in the driver.
    assertTrue(Files.list(cluster.work().resolve("worker")).anyMatch(d -> d.getFileName().toString().startsWith("app-")));

    Map<Long, Row> expected = byId(local);
    Map<Long, Row> actual = byId(remote);
    assertEquals(ROWS, expected.size());
    assertEquals(expected.keySet(), actual.keySet());
    for (Map.Entry<Long, Row> e : expected.entrySet()) {
      assertEquals(e.getValue(), actual.get(e.getKey()), "row " + e.getKey());
    }
  }

  @Test
  void badCellOnAnExecutorIsAUserError() throws Exception {
    Path csv = work.resolve("bad.csv");
    StringBuilder text = new StringBuilder("id,");
    SyntheticTable.featureNames().forEach(f -> text.append(f).append(','));
    text.append("proto\n");
    for (int i = 0; i < 100; i++) {
      text.append(i);
      for (int j = 0; j < SyntheticTable.FEATURES; j++) {
        text.append(',').append(i == 77 && j == 5 ? "n/a" : "0.5");
      }
      text.append(",tcp\n");
    }
    Files.writeString(csv, text);
    Path out = work.resolve("bad-out");
    StandaloneCluster.Submission run = cluster.submit("ad.spark.SparkMain", install.appJar(), install.adJars(),
        Map.of("spark.task.maxFailures", "1"), TIMEOUT, "score", "--model", model.toString(), "--input",
        csv.toString(), "--out", out.toString(), "--id-column", "id");
    assertEquals(2, run.exitStatus(), run.output());
    assertTrue(run.output().contains("error: " + csv + ", row '77': column 'f5' expected a number, got 'n/a'"),
        run.output());
    assertFalse(run.output().contains("internal error"), run.output());
    assertFalse(Files.exists(out));
  }

  private static Map<Long, Row> byId(Path parquet) {
    SparkSession spark = SparkSession.builder().master("local[1]").appName("check")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      List<Row> rows = spark.read().parquet(parquet.toString()).collectAsList();
      Map<Long, Row> byId = new HashMap<>();
      rows.forEach(r -> byId.put(r.getLong(0), r));
      return byId;
    } finally {
      spark.stop();
    }
  }
}

package ad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.experiments.Main;
import ad.spark.grid.RunFolders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ad run FILE --spark local[2]} as the launcher runs it, against {@code ad run FILE}. */
class SparkRunCommandTest {
  static final String SPEC = """
      name: cli
      seeds: [1, 2]
      charts: false
      datasets:
        - {name: blobs, type: synthetic, dimensions: 5, normal: {count: 300}, anomalies: {count: 15, mean: 3}}
      detectors:
        - {name: dense, type: dense_autoencoder, hidden_layers: [3], epochs: 3}
        - {name: pca, type: pca}
      """;

  @TempDir
  Path temp;

  @Test
  void runWithSparkWritesWhatRunWrites() throws IOException {
    Path spec = temp.resolve("cli.yaml");
    Files.writeString(spec, SPEC);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = SparkMain.execute(new String[] {"run", spec.toString(), "--spark", "local[2]", "--out",
        temp.resolve("spark").toString(), "--data-root", temp.toString()}, new PrintWriter(out),
        new PrintWriter(err));
    assertEquals(0, status, err.toString());
    assertTrue(out.toString().contains("dataset  detector  ") && out.toString().contains("report.html"),
        out.toString());
    assertTrue(err.toString().contains("ad run: cli (1 dataset x 2 detectors x 2 seeds = 4 cells)"), err.toString());

    StringWriter localErr = new StringWriter();
    assertEquals(0, Main.execute(new String[] {"run", spec.toString(), "--out", temp.resolve("local").toString(),
        "--data-root", temp.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(localErr)),
        localErr.toString());
    assertEquals(RunFolders.withoutTimings(temp.resolve("local/results.csv")),
        RunFolders.withoutTimings(temp.resolve("spark/results.csv")));
  }

  @Test
  void workersAndSparkAreRefusedTogetherAndSparkNeedsTheSparkModule() throws IOException {
    Path spec = temp.resolve("cli.yaml");
    Files.writeString(spec, SPEC);
    StringWriter err = new StringWriter();
    int status = SparkMain.execute(new String[] {"run", spec.toString(), "--spark", "local[2]", "--workers", "2",
        "--out", temp.resolve("x").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(2, status, err.toString());
    assertTrue(err.toString().contains("error: --workers sets how many cells run at once in one process"),
        err.toString());

    err = new StringWriter();
    status = Main.execute(new String[] {"run", spec.toString(), "--spark", "local[2]", "--out",
        temp.resolve("y").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(2, status, err.toString());
    assertTrue(err.toString().contains("error: --spark is run by the ad-spark module: use the ad launcher"),
        err.toString());
  }
}

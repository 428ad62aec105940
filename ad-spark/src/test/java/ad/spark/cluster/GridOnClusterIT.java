package ad.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.experiments.Main;
import ad.spark.grid.RunFolders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ad run} submitted with spark-submit to a real standalone cluster (a Master, a Worker and its
 * executor in JVMs of their own, ad shipped with --jars) writes the results.csv of the same run in one
 * process (timings aside), the same models and a full report.
 */
class GridOnClusterIT {
  static final Duration TIMEOUT = Duration.ofMinutes(8);
  /** Every family the cells ship to executors, on a table and on series windows. */
  static final String GRID = """
      name: cluster-grid
      seeds: [1]
      save_models: true
      datasets:
        - name: blobs
          type: synthetic
          dimensions: 8
          normal: {count: 400}
          anomalies: {count: 20, mean: 3}
        - {name: waves, type: series, paths: ["s*.csv"], window: 16, stride: 2, train_prefix: 150}
      protocol: {type: novelty, validation_fraction: 0.2, test_fraction: 0.3}
      scaler: standard
      detectors:
        - {name: dense, type: dense_autoencoder, hidden_layers: [4], epochs: 5, batch_size: 32}
        - {name: conv, type: conv_autoencoder, filters: [4], kernel_size: 3, pooling: none, epochs: 3, batch_size: 32}
        - {name: vae, type: variational_autoencoder, hidden_layers: [8], latent_dim: 2, epochs: 3, batch_size: 32}
        - {name: pca, type: pca, variance: 0.9}
        - {name: iforest, type: isolation_forest, trees: 20}
      thresholders:
        - {type: mean_std, k: 3}
        - {type: best_f1}
      allow_oracle: true
      """;
  static StandaloneCluster cluster;
  static SparkInstall install;
  static Path work;
  static Path spec;

  @BeforeAll
  static void start() throws IOException {
    work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "grid-it-");
    RunFolders.writeWaves(work);
    spec = work.resolve("grid.yaml");
    Files.writeString(spec, GRID);
    install = SparkInstall.fromBuild(Path.of("target"), Path.of("target", "spark-cluster", "home"));
    cluster = StandaloneCluster.start(install, "grid", StandaloneCluster.Options.small());
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aGridOnTheClusterWritesTheResultsOfARunInOneProcess() throws Exception {
    Path local = work.resolve("local");
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int status = Main.execute(new String[] {"run", spec.toString(), "--out", local.toString(), "--data-root",
        work.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    long localMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, status, err.toString());

    Path remote = work.resolve("cluster");
    StandaloneCluster.Submission run = submit(remote);
    System.out.println("cluster grid: " + run.wall().toMillis() + " ms wall (spark-submit to exit), in one process "
        + localMillis + " ms; log " + run.log());
    assertEquals(0, run.exitStatus(), run.output());
    try (Stream<Path> apps = Files.list(cluster.work().resolve("worker"))) {
      assertTrue(apps.anyMatch(d -> d.getFileName().toString().startsWith("app-")), "the cells ran on the Worker");
    }
    assertEquals(RunFolders.withoutTimings(local.resolve("results.csv")),
        RunFolders.withoutTimings(remote.resolve("results.csv")));
    for (String folder : List.of("cells", "charts", "models")) {
      assertEquals(RunFolders.files(local, folder), RunFolders.files(remote, folder), folder);
    }
    for (String name : RunFolders.files(local, "models")) {
      assertArrayEquals(Files.readAllBytes(local.resolve("models").resolve(name)),
          Files.readAllBytes(remote.resolve("models").resolve(name)), name);
    }
    assertTrue(Files.readString(remote.resolve("run.json")).contains("\"scheduler\" : \"spark " + cluster.masterUrl()),
        Files.readString(remote.resolve("run.json")));
    assertTrue(Files.readString(remote.resolve("report.html")).contains("ROC curves, every detector"));
  }

  private static StandaloneCluster.Submission submit(Path out) throws IOException, InterruptedException {
    return cluster.submit("ad.spark.SparkMain", install.appJar(), install.adJars(), Map.of(), TIMEOUT, "run",
        spec.toString(), "--out", out.toString(), "--data-root", work.toString());
  }
}

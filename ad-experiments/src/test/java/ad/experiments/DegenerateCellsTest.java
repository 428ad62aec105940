package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ad.core.data.DataRoot;
import ad.experiments.CommandLineTest.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Degenerate models end as failed cells with their reason, through the real CLI (issue 14), while
 * detectors that legitimately tie many rows keep their results; suspicious results are warned about.
 */
class DegenerateCellsTest {
  @TempDir
  Path temp;

  /**
   * Issue 14's case: the tutorial's sigmoid-output dense autoencoder with learning_rate 1e6. Its
   * bounded loss never trips the divergence check; its units saturate, so it reconstructs every row
   * the same and was reported as a result (ROC AUC 0.000 in the issue). Now a failed cell.
   */
  @Test
  void issue14TheTutorialWithAWildLearningRateIsAFailedCellWithItsReason() throws Exception {
    Path spec = temp.resolve("wild.yaml");
    Files.writeString(spec, """
        name: wild
        seeds: [42, 7]
        charts: false
        datasets:
          - {name: gaussian-20d, type: synthetic, dimensions: 20, normal: {count: 1000}, anomalies: {count: 50, mean: 5.0}, seed: 7}
        scaler: min_max
        detectors:
          - {name: wild, type: dense_autoencoder, hidden_layers: [10], output_activation: sigmoid,
             learning_rate: 1.0e6, epochs: 50, validation_split: 0.2, trim: 0.0, ensemble: {members: 1}}
          - {name: tame, type: dense_autoencoder, hidden_layers: [10], output_activation: sigmoid, epochs: 50,
             validation_split: 0.2, trim: 0.0, ensemble: {members: 1}}
        """);
    Outcome o = CommandLineTest.ad("run", spec.toString(), "--out", temp.resolve("out").toString());
    assertEquals(1, o.status(), o.err());
    List<String> rows = Files.readAllLines(temp.resolve("out/results.csv"));
    for (String wild : rows.stream().filter(r -> r.contains(",wild,")).toList()) {
      assertTrue(wild.contains(",failed,\"the model's output does not depend on its input: it reconstructs 250 "
          + "distinct test rows as "), wild);
      assertTrue(wild.contains("try a lower learning_rate (now 1000000.0), an activation whose units cannot die"),
          wild);
    }
    assertEquals(2, rows.stream().filter(r -> r.contains(",tame,") && r.contains(",ok,")).count(), rows.toString());
    assertTrue(o.err().contains("gaussian-20d / wild / seed 42: FAILED: the model's output does not depend on its "
        + "input"), o.err());
    assertTrue(o.out().contains("wild          42  FAILED (see results.csv)"), o.out());
  }

  /**
   * Ties are no failure: kNN scores every copy of a training row 0, yet ranks the anomalies first.
   * Only when nothing sets the rows apart (the "anomalies" are copies of normal rows) do all scores tie,
   * and the cell fails saying so.
   */
  @Test
  void kNearestNeighboursTieDuplicatesWithoutFailingUnlessEveryRowTies() throws Exception {
    StringBuilder csv = new StringBuilder("a,b,c,label\n");
    java.util.Random random = new java.util.Random(5);
    double[][] distinct = new double[50][3];
    for (double[] row : distinct) {
      for (int j = 0; j < 3; j++) {
        row[j] = Math.round(random.nextGaussian() * 100) / 100.0;
      }
    }
    for (int copy = 0; copy < 20; copy++) {
      for (double[] row : distinct) {
        csv.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(",0\n");
      }
    }
    StringBuilder shifted = new StringBuilder(csv);
    StringBuilder copies = new StringBuilder(csv);
    for (int i = 0; i < 30; i++) {
      double[] row = distinct[i];
      shifted.append(row[0] + 4).append(',').append(row[1] + 4).append(',').append(row[2]).append(",1\n");
      copies.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(",1\n");
    }
    Files.writeString(temp.resolve("shifted.csv"), shifted);
    Files.writeString(temp.resolve("copies.csv"), copies);
    Path spec = temp.resolve("ties.yaml");
    Files.writeString(spec, """
        name: ties
        seeds: [1]
        charts: false
        datasets:
          - {name: shifted, type: csv, path: shifted.csv}
          - {name: copies, type: csv, path: copies.csv}
        detectors:
          - {type: knn, k: 3}
        """);
    Outcome o = CommandLineTest.ad("run", spec.toString(), "--out", temp.resolve("out").toString(), "--data-root",
        temp.toString());
    assertEquals(1, o.status(), o.err());
    List<String> rows = Files.readAllLines(temp.resolve("out/results.csv"));
    String ties = rows.stream().filter(r -> r.contains(",shifted,")).findFirst().orElseThrow();
    assertTrue(ties.contains(",ok,"), "every normal test row scores 0, and that is a fine ranking: " + ties);
    String alike = rows.stream().filter(r -> r.contains(",copies,")).findFirst().orElseThrow();
    assertTrue(alike.contains(",failed,\"the model scores every test row alike: all 230 test scores of 'knn' on "
        + "'copies' are 0.000, so it cannot tell rows apart"), alike);
  }

  /**
   * Real tables with many ties and few anomalies (smtp: 95,156 rows, 24% of them repeated, 30 anomalies)
   * keep their kNN, Isolation Forest and autoencoder results; a dense autoencoder of two relu units,
   * whose units die, is a failed cell there.
   */
  @Test
  void realTablesWithTiesKeepTheirResultsAndADeadNetworkFails() throws Exception {
    Path data = DataRoot.resolve();
    assumeTrue(Files.isRegularFile(data.resolve("tabular/smtp.csv.gz")) || "true".equalsIgnoreCase(System.getenv("CI")),
        "the shared data folder " + data + " is not here");
    Path spec = temp.resolve("real.yaml");
    Files.writeString(spec, """
        name: real
        seeds: [1]
        charts: false
        datasets:
          - {name: smtp, type: csv, path: tabular/smtp.csv.gz}
        detectors:
          - {name: knn, type: knn, k: 5}
          - {name: iforest, type: isolation_forest}
          - {name: dense, type: dense_autoencoder, hidden_layers: [8], output_activation: sigmoid, epochs: 2,
             batch_size: 256, trim: 0.0, ensemble: {members: 1}}
          - {name: narrow, type: dense_autoencoder, hidden_layers: [2], output_activation: sigmoid, epochs: 2,
             batch_size: 256, trim: 0.0, ensemble: {members: 1}}
        """);
    Outcome o = CommandLineTest.ad("run", spec.toString(), "--out", temp.resolve("out").toString(), "--data-root",
        data.toString());
    List<String> rows = Files.readAllLines(temp.resolve("out/results.csv"));
    for (String detector : List.of("knn", "iforest", "dense")) {
      assertTrue(rows.stream().anyMatch(r -> r.contains(",smtp," + detector + ",") && r.contains(",ok,")),
          detector + " keeps its result: " + rows + "\n" + o.err());
    }
    String narrow = rows.stream().filter(r -> r.contains(",narrow,")).findFirst().orElseThrow();
    assertTrue(narrow.contains(",failed,\"the model's output does not depend on its input"), narrow);
    assertTrue(narrow.contains("wider layers (hidden_layers now [2])"), narrow);
  }
}

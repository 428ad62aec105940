package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.experiments.CommandLineTest.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose training diverges is a failed cell with the reason, not a result (issue 14): the
 * run records the error, keeps the other cells, and exits with status 1.
 */
class DivergenceTest {
  @TempDir
  Path temp;

  @Test
  void aDivergingModelFailsItsCellWithTheReason() throws Exception {
    Path spec = temp.resolve("diverge.yaml");
    Files.writeString(spec, """
        name: diverge
        seeds: [1]
        charts: false
        datasets:
          - {name: g, type: synthetic, dimensions: 8, normal: {count: 300}, anomalies: {count: 10}}
        scaler: standard
        detectors:
          - {name: wild, type: dense_autoencoder, hidden_layers: [4], output_activation: identity,
             learning_rate: 1000000.0, epochs: 5}
          - {name: tame, type: dense_autoencoder, hidden_layers: [4], output_activation: identity,
             epochs: 5}
        """);
    Outcome o = CommandLineTest.ad("run", spec.toString(), "--out", temp.resolve("out").toString());
    assertEquals(1, o.status(), o.err());
    List<String> rows = Files.readAllLines(temp.resolve("out/results.csv"));
    String wild = rows.stream().filter(r -> r.contains(",wild,")).findFirst().orElseThrow();
    String tame = rows.stream().filter(r -> r.contains(",tame,")).findFirst().orElseThrow();
    assertTrue(wild.contains("failed") && wild.contains("training diverged in epoch"), wild);
    assertTrue(wild.contains("lower learning_rate"), wild);
    assertTrue(tame.contains(",ok,"), tame);
  }
}

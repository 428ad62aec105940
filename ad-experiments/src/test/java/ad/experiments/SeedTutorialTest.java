package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.experiments.CommandLineTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart experiment, end to end, exactly as the README runs it. */
class SeedTutorialTest {
  @TempDir
  Path out;

  @Test
  void tutorialRunsAndDetectsTheAnomalies() throws IOException {
    Path spec = CommandLineTest.repository().resolve("experiments/seed-tutorial.yaml");
    Outcome o = CommandLineTest.ad("run", spec.toString(), "--out", out.toString());
    assertEquals(0, o.status(), o.err());
    assertTrue(o.out().contains("roc_auc"), o.out());

    List<String> lines = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(2, lines.size(), "a header and one cell: " + lines);
    List<String> header = Arrays.asList(lines.get(0).split(","));
    for (String column : List.of("experiment", "dataset", "detector", "seed", "thresholder", "threshold",
        "precision", "recall", "f1", "roc_auc", "pr_auc", "fit_seconds", "score_seconds")) {
      assertTrue(header.contains(column), "results.csv lacks " + column + ": " + header);
    }
    String[] row = lines.get(1).split(",", -1);
    double rocAuc = Double.parseDouble(row[header.indexOf("roc_auc")]);
    double f1 = Double.parseDouble(row[header.indexOf("f1")]);
    assertTrue(rocAuc >= 0.99, "ROC AUC " + rocAuc);
    // N(5,1) anomalies against N(0,1) rows in 20-d are far apart: mean + 3 std must catch most.
    assertTrue(f1 >= 0.9, "F1 " + f1);
    assertEquals("seed-tutorial", row[header.indexOf("experiment")]);
    assertEquals(50, Integer.parseInt(row[header.indexOf("test_anomalies")]));

    String json = Files.readString(out.resolve("results.json"));
    assertTrue(json.contains("\"roc_auc\"") && json.contains("\"learning_rate\" : 0.001"), json);

    for (String chart : List.of("scores-gaussian-20d-dense-ae-seed42.png", "roc-gaussian-20d-dense-ae-seed42.png")) {
      Path png = out.resolve("charts").resolve(chart);
      assertTrue(Files.size(png) > 5_000, chart + " is too small to hold a chart");
      assertTrue(ImageIO.read(png.toFile()).getWidth() >= 600, chart);
    }
    try (var leftovers = Files.walk(out)) {
      assertEquals(0, leftovers.filter(p -> p.toString().endsWith(".tmp")).count(), "temp files left");
    }
  }

  @Test
  void sameSeedGivesTheSameNumbers() throws IOException {
    Path spec = CommandLineTest.repository().resolve("experiments/seed-tutorial.yaml");
    String fast = Files.readString(spec).replace("epochs: 50", "epochs: 5");
    Path fastSpec = out.resolve("fast.yaml");
    Files.writeString(fastSpec, fast);
    assertEquals(0, CommandLineTest.ad("run", fastSpec.toString(), "--out", out.resolve("a").toString()).status());
    assertEquals(0, CommandLineTest.ad("run", fastSpec.toString(), "--out", out.resolve("b").toString()).status());
    assertEquals(withoutTimings(out.resolve("a/results.csv")), withoutTimings(out.resolve("b/results.csv")));
  }

  /** results.csv with the two timing columns (the last two) cut off. */
  private static List<String> withoutTimings(Path csv) throws IOException {
    return Files.readAllLines(csv).stream()
        .map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)))
        .toList();
  }
}

package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kNN baseline through a run: thresholds fitted on the training scores see each training row's
 * distance to the other rows (with k = 1 and every row distinct, none is 0), while a saved model
 * scoring the same file with {@code ad score} treats every row as new, so exactly the training rows
 * score 0.
 */
class KnnRunTest {
  @TempDir
  Path temp;

  @Test
  void trainingRowsLeaveThemselvesOutInARunButNotInAdScore() throws IOException {
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder("a,b,label\n");
    for (int i = 0; i < 300; i++) {
      boolean anomalous = i % 30 == 0;
      double shift = anomalous ? 6 : 0;
      csv.append(shift + random.nextGaussian()).append(',').append(shift + random.nextGaussian())
          .append(',').append(anomalous ? 1 : 0).append('\n');
    }
    Files.writeString(temp.resolve("data.csv"), csv);
    Path spec = temp.resolve("knn.yaml");
    Files.writeString(spec, """
        name: knn
        seeds: [1]
        charts: false
        save_models: true
        datasets:
          - {name: d, type: csv, path: data.csv}
        protocol: {type: unsupervised, test_fraction: 0.3}
        scaler: standard
        detectors:
          - {type: knn, k: 1}
        thresholders:
          - {name: top10_train, type: contamination, fraction: 0.1, fit_on: train}
        """);
    Path out = temp.resolve("out");
    CommandLineTest.Outcome run = CommandLineTest.ad("run", spec.toString(), "--out", out.toString(),
        "--data-root", temp.toString());
    assertEquals(0, run.status(), run.err());
    JsonNode row = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("results").get(0);
    assertEquals("train", row.get("threshold_fit_on").asText());
    assertTrue(row.get("threshold").asDouble() > 0, "training scores of k = 1 leave the row out: " + row);

    Path model;
    try (var files = Files.list(out.resolve("models"))) {
      model = files.findFirst().orElseThrow();
    }
    Path scored = temp.resolve("scored.csv");
    CommandLineTest.Outcome o = CommandLineTest.ad("score", "--model", model.toString(), "--input",
        temp.resolve("data.csv").toString(), "--out", scored.toString());
    assertEquals(0, o.status(), o.err());
    List<String> lines = Files.readAllLines(scored);
    long zeros = lines.stream().skip(1).filter(line -> Double.parseDouble(line.split(",")[1]) == 0).count();
    assertEquals(row.get("train_rows").asLong(), zeros, "each training row is its own nearest neighbour");
  }
}

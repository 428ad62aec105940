package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.experiments.CommandLineTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engine: dl4j} through the real command line: one run fits every autoencoder family on DL4J
 * (dense, denoising, variational and convolutional, and the LSTM autoencoder) per machine of a small
 * series dataset and saves the pipelines; {@code ad score} with the LSTM model reproduces the run's
 * point scores bit for bit.
 */
class Dl4jEngineRunTest {
  @TempDir
  Path temp;

  static final String SPEC = """
      name: plant
      seeds: [1]
      charts: false
      save_models: true
      save_point_scores: true
      series_models: per_file
      datasets:
        - name: plant
          type: series
          paths: ["machine*.csv.gz"]
          window: 12
          stride: 3
          train_prefix: 90
      protocol: {type: fixed, train_on: all, validation_fraction: 0.0}
      scaler: standard
      detectors:
        - {name: dense, type: dense_autoencoder, hidden_layers: [6], output_activation: identity, epochs: 2, batch_size: 8, engine: dl4j}
        - {name: denoising, type: denoising_autoencoder, hidden_layers: [6], output_activation: identity, epochs: 2, batch_size: 8, engine: dl4j}
        - {name: vae, type: variational_autoencoder, hidden_layers: [6], epochs: 2, batch_size: 8, engine: dl4j}
        - {name: conv, type: conv_autoencoder, filters: [4], output_activation: identity, epochs: 2, batch_size: 8, engine: dl4j}
        - {name: lstm, type: lstm_autoencoder, hidden_layers: [5], epochs: 2, batch_size: 8, validation_split: 0.2, patience: 1, engine: dl4j}
      thresholders:
        - {type: percentile, q: 99, fit_on: train}
      """;

  @Test
  void everyFamilyRunsOnDl4jAndTheLstmModelScoresAsInTheRun() throws IOException {
    for (int m = 1; m <= 2; m++) {
      StringBuilder csv = new StringBuilder("timestamp,temperature,speed,label\n");
      Random random = new Random(m);
      for (int t = 0; t < 200; t++) {
        boolean anomalous = t >= 140 && t < 150;
        csv.append(t).append(',')
            .append(20 + Math.sin(t / 7.0) + (anomalous ? 3 : 0.1) * random.nextGaussian())
            .append(',').append(1000 + 50 * Math.cos(t / 11.0) + random.nextGaussian()).append(',')
            .append(anomalous ? 1 : 0).append('\n');
      }
      ScoreSeriesTest.gzip(temp.resolve("machine" + m + ".csv.gz"), csv.toString());
    }
    Files.writeString(temp.resolve("plant.yaml"), SPEC);
    Path out = temp.resolve("out");
    Outcome run = CommandLineTest.ad("run", temp.resolve("plant.yaml").toString(), "--out",
        out.toString(), "--data-root", temp.toString(), "--workers", "2");
    assertEquals(0, run.status(), run.err());
    List<String> results = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(6, results.size(), String.join("\n", results));
    for (String line : results.subList(1, results.size())) {
      assertTrue(line.contains(",ok,"), line);
    }
    String spec = Files.readString(out.resolve("results.json"));
    assertTrue(spec.contains("\"engine\" : \"dl4j\""), "the resolved spec names the engine");

    Path model = out.resolve("models/plant-lstm-seed1--machine1.adp");
    assertTrue(Files.isRegularFile(model));
    Path scored = temp.resolve("scored.csv");
    Outcome score = CommandLineTest.ad("score", "--model", model.toString(), "--input",
        temp.resolve("machine1.csv.gz").toString(), "--out", scored.toString(), "--top-k", "1");
    assertEquals(0, score.status(), score.err());
    List<String> lines = Files.readAllLines(scored);
    assertEquals(201, lines.size());
    ScoreSeriesTest.assertReproducesTheRun(out.resolve("points/plant-lstm-seed1.csv"),
        "machine1.csv.gz", lines, 200 - 90);
  }
}

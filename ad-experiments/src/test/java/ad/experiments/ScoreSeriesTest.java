package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.experiments.CommandLineTest.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ad score} on series files through the real command line: a dense autoencoder fitted per
 * machine by {@code ad run}, saved, then scoring a machine's raw file (gzip) reproduces the run's
 * point scores bit for bit; short series, missing channels and images are user errors.
 */
class ScoreSeriesTest {
  @TempDir
  static Path temp;
  static Path out;

  static final String SPEC = """
      name: plant
      seeds: [1]
      charts: false
      save_models: true
      save_point_scores: true
      point_scores: mean
      series_models: per_file
      datasets:
        - name: plant
          type: series
          paths: ["machine*.csv.gz"]
          window: 16
          stride: 2
          train_prefix: 120
      protocol: {type: fixed, train_on: all, validation_fraction: 0.0}
      scaler: standard
      detectors:
        - {name: dense, type: dense_autoencoder, hidden_layers: [8], epochs: 3, batch_size: 16}
      thresholders:
        - {type: percentile, q: 99, fit_on: train}
      """;

  /**
   * Two machines of 701 and 260 rows (stride 2 leaves an extra last window on the first, whose 344
   * windows make two chunks), run once.
   */
  @BeforeEach
  void runOnce() throws IOException {
    if (out != null) {
      return;
    }
    for (int m = 1; m <= 2; m++) {
      StringBuilder csv = new StringBuilder("timestamp,temperature,speed,label\n");
      Random random = new Random(m);
      int length = m == 1 ? 701 : 260;
      for (int t = 0; t < length; t++) {
        boolean anomalous = t >= 200 && t < 215;
        csv.append("2024-05-0").append(m).append(' ').append(10000 + t).append(',')
            .append(20 + Math.sin(t / 7.0) + (anomalous ? 3 : 0.1) * random.nextGaussian()).append(',')
            .append(1000 + 50 * Math.cos(t / 11.0) + random.nextGaussian()).append(',').append(anomalous ? 1 : 0)
            .append('\n');
      }
      gzip(temp.resolve("machine" + m + ".csv.gz"), csv.toString());
    }
    Files.writeString(temp.resolve("plant.yaml"), SPEC);
    out = temp.resolve("out");
    Outcome o = CommandLineTest.ad("run", temp.resolve("plant.yaml").toString(), "--out", out.toString(),
        "--data-root", temp.toString(), "--workers", "1");
    assertEquals(0, o.status(), o.err());
  }

  @Test
  void scoringAMachinesFileWithItsModelReproducesTheRunsPointScores() throws IOException {
    Path model = out.resolve("models/plant-dense-seed1--machine1.adp");
    assertTrue(Files.isRegularFile(model), "one model per machine");
    assertTrue(Files.isRegularFile(out.resolve("models/plant-dense-seed1--machine2.adp")));
    Path scored = temp.resolve("scored.csv");
    Outcome o = CommandLineTest.ad("score", "--model", model.toString(), "--input",
        temp.resolve("machine1.csv.gz").toString(), "--out", scored.toString(), "--id-column", "timestamp",
        "--batch", "7", "--top-k", "1");
    assertEquals(0, o.status(), o.err());
    // Windows at 0, 2, ..., 684 and one at 685 ending at the last row.
    assertTrue(o.err().contains("scored 701 points (344 windows of 16, point scores: mean of covering windows; "),
        o.err());
    List<String> lines = Files.readAllLines(scored);
    assertEquals("timestamp,score,anomalous,top1_channel,top1_error", lines.get(0));
    assertEquals(702, lines.size());
    assertTrue(lines.get(1).startsWith("2024-05-01 10000,"), lines.get(1));

    assertReproducesTheRun(out.resolve("points/plant-dense-seed1.csv"), "machine1.csv.gz", lines,
        701 - 120);
    long flaggedInBurst = lines.subList(201, 216).stream().filter(l -> l.split(",")[2].equals("1")).count();
    assertTrue(flaggedInBurst > 0, "the noise burst is flagged: " + lines.subList(195, 220));
  }

  @Test
  void aSeriesShorterThanOneWindowIsAUserError() throws IOException {
    Path shortFile = temp.resolve("short.csv");
    Files.writeString(shortFile, "timestamp,temperature,speed\n1,20,1000\n2,20.1,1001\n");
    UserErrorsTest.assertUserError(CommandLineTest.ad("score", "--model",
        out.resolve("models/plant-dense-seed1--machine2.adp").toString(), "--input", shortFile.toString()),
        shortFile + ": 2 rows, fewer than one window of 16: the model scores windows of 16 consecutive rows");
  }

  @Test
  void aMissingChannelIsAUserErrorNamingTheColumnAndTheFile() throws IOException {
    Path noSpeed = temp.resolve("no-speed.csv");
    Files.writeString(noSpeed, "timestamp,temperature,label\n1,20,0\n");
    UserErrorsTest.assertUserError(CommandLineTest.ad("score", "--model",
        out.resolve("models/plant-dense-seed1--machine1.adp").toString(), "--input", noSpeed.toString()),
        noSpeed + ": the model needs channel column 'speed', which the header lacks",
        "2 channels (temperature, speed)", "the input has 3 columns: timestamp, temperature, label");
  }

  @Test
  void imagesAreNotASeries() throws IOException {
    Path images = temp.resolve("images.idx");
    java.nio.ByteBuffer idx = java.nio.ByteBuffer.allocate(16 + 4).putInt(2051).putInt(1).putInt(2).putInt(2);
    Files.write(images, idx.array());
    UserErrorsTest.assertUserError(CommandLineTest.ad("score", "--model",
        out.resolve("models/plant-dense-seed1--machine1.adp").toString(), "--input", images.toString()),
        "plant-dense-seed1--machine1.adp is a series model: it scores the rows of a series CSV file, and "
            + images + " holds IDX images");
  }

  /**
   * The score column of {@code scored} (one line per point after the header) equals, bit for bit,
   * each of the {@code points} point scores the run wrote for {@code file} to {@code pointsCsv}.
   */
  static void assertReproducesTheRun(Path pointsCsv, String file, List<String> scored, int points)
      throws IOException {
    Map<Integer, String> inRun = new HashMap<>();
    for (String line : Files.readAllLines(pointsCsv)) {
      String[] cells = line.split(",");
      if (cells[0].equals(file)) {
        inRun.put(Integer.parseInt(cells[1]), cells[3]);
      }
    }
    assertEquals(points, inRun.size());
    for (Map.Entry<Integer, String> e : inRun.entrySet()) {
      assertEquals(e.getValue(), scored.get(e.getKey()).split(",")[1], "row " + e.getKey());
    }
  }

  static void gzip(Path file, String text) throws IOException {
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}

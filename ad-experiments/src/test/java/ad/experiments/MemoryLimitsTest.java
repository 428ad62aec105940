package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network too large for the heap fails its cell, not the run (issue 14): refused before anything is
 * allocated when its parameters alone cannot fit, and caught when training runs out of memory later;
 * both say what the JVM may use and how to give it more. Run in a JVM of its own with a small heap.
 */
class MemoryLimitsTest {
  @TempDir
  Path temp;

  @Test
  void aNetworkTooLargeForTheHeapFailsItsCellWithTheMemoryItNeedsAndTheRunGoesOn() throws Exception {
    Path spec = temp.resolve("memory.yaml");
    Files.writeString(spec, """
        name: memory
        seeds: [1]
        charts: false
        datasets:
          - {name: g, type: synthetic, dimensions: 20, normal: {count: 12000}, anomalies: {count: 50, mean: 4}}
        detectors:
          # 41 million parameters: 656 MB for weights, gradients and Adam's moments alone.
          - {name: huge, type: dense_autoencoder, hidden_layers: [1000000], epochs: 1}
          # 0.8 million parameters fit; a batch of 8192 rows through 20000 units (655 MB) does not.
          - {name: wide, type: dense_autoencoder, hidden_layers: [20000], batch_size: 8192, epochs: 1}
          - {name: small, type: dense_autoencoder, hidden_layers: [8], epochs: 2}
        """);
    Path out = temp.resolve("out");
    Path log = temp.resolve("log.txt");
    Process run = CommandLineTest.adProcess(log, List.of("-Xmx128m"), "run", spec.toString(), "--out",
        out.toString(), "--workers", "1");
    assertTrue(run.waitFor(180, TimeUnit.SECONDS), "the run did not end");
    String output = Files.readString(log);
    assertEquals(1, run.exitValue(), output);
    assertFalse(output.contains("Exception") || output.contains("\tat "), "no stack trace: " + output);

    List<String> rows = Files.readAllLines(out.resolve("results.csv"));
    String huge = row(rows, "huge");
    // The heap a JVM reports for -Xmx128m depends on its collector (G1: all of it): matched loosely.
    assertTrue(huge.contains(",failed,") && Pattern.compile("the network has 41,000,020 parameters; training it "
        + "holds at least 626 MB for them \\(4 bytes each for the weights, their gradients and Adam's two moments\\), "
        + "more than the 1[12]\\d MB this JVM may use \\(its maximum heap\\): give ad more memory, e.g. "
        + "AD_JAVA_OPTS=-Xmx847m before ./ad \\(if the machine has it\\), or make the network smaller "
        + "\\(hidden_layers\\)").matcher(huge).find(), huge);
    String wide = row(rows, "wide");
    assertTrue(wide.contains(",failed,") && Pattern.compile("ran out of memory \\(Java heap space\\): this cell "
        + "needed more than the 1[12]\\d MB this JVM may use \\(its maximum heap; no other cell ran beside it, so "
        + "running fewer at once cannot help\\); give ad more memory, e.g. AD_JAVA_OPTS=-Xmx2\\d\\dm before ./ad")
        .matcher(wide).find(), wide);
    // The run has one worker: a smaller model or batch is the other way out, not --workers 1.
    assertTrue(wide.contains("or make the model or its batches (batch_size) smaller"), wide);
    assertFalse(wide.contains("--workers"), wide);
    assertTrue(row(rows, "small").contains(",ok,"), "the run goes on after both: " + rows);
    assertTrue(output.contains("g / huge / seed 1: FAILED: the network has 41,000,020 parameters"), output);
  }

  private static String row(List<String> rows, String detector) {
    return rows.stream().filter(r -> r.contains("," + detector + ",")).findFirst().orElseThrow(
        () -> new AssertionError("no row of " + detector + " in " + rows));
  }
}

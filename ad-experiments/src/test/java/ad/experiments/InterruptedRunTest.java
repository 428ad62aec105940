package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.experiments.CommandLineTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run killed mid-grid keeps its finished cells, and running it again finishes only the rest; a run
 * ended by Ctrl-C or SIGTERM also says so.
 */
class InterruptedRunTest {
  @TempDir
  Path temp;

  private static final String GRID = """
      name: interrupted
      seeds: [1, 2, 3, 4]
      datasets:
        - name: g
          type: synthetic
          dimensions: 8
          normal: {count: 400}
          anomalies: {count: 20, mean: 4}
      detectors:
        - name: ae
          type: dense_autoencoder
          hidden_layers: [4]
          epochs: 40
          batch_size: 16
          grid: {learning_rate: [0.001, 0.002]}
      """;

  @Test
  void killedRunKeepsFinishedCellsAndTheRerunCompletesThem() throws Exception {
    Path spec = temp.resolve("interrupted.yaml");
    Files.writeString(spec, GRID);
    Path out = temp.resolve("out");
    Path cells = out.resolve("cells");

    Process process = CommandLineTest.adProcess(temp.resolve("log.txt"), List.of(), "run", spec.toString(), "--out",
        out.toString(), "--workers", "1");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (count(cells) < 2 && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(process.isAlive(), "the run finished before it could be interrupted: "
        + Files.readString(temp.resolve("log.txt")));
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    int kept = count(cells);
    assertTrue(kept >= 2 && kept < 8, "kept " + kept + " of 8 cells");
    List<String> rows = Files.readAllLines(out.resolve("results.csv"));
    assertTrue(rows.size() - 1 >= kept - 1, "results.csv holds the finished cells: " + rows);
    assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(",ok,")), "no half-written row: " + rows);
    try (Stream<Path> files = Files.walk(out)) {
      // Temporary files of a killed write may remain; they are never read, and never named like results.
      assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("results.csv.tmp")));
    }

    Outcome rerun = CommandLineTest.ad("run", spec.toString(), "--out", out.toString(), "--workers", "2");
    assertEquals(0, rerun.status(), rerun.err());
    assertTrue(rerun.err().contains("resuming: " + kept + " of 8 cells are already done"), rerun.err());
    assertEquals(9, Files.readAllLines(out.resolve("results.csv")).size(), "a header and 8 rows");
  }

  /**
   * Ctrl-C (SIGINT) or SIGTERM ends a run with a notice: how many cells are kept, and the command that
   * resumes it; the run then resumes from exactly those cells.
   */
  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalledRunSaysHowManyCellsAreKeptAndHowToResume(String signal) throws Exception {
    Path spec = temp.resolve("interrupted.yaml");
    Files.writeString(spec, GRID);
    Path out = temp.resolve("out");
    Path cells = out.resolve("cells");
    Path log = temp.resolve("log.txt");
    Process process = CommandLineTest.adProcess(log, List.of(), "run", spec.toString(), "--out", out.toString(),
        "--workers", "1");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (count(cells) < 2 && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(process.isAlive(), "the run finished before it could be interrupted: " + Files.readString(log));
    assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the run did not end on SIG" + signal);
    String output = Files.readString(log);
    assertEquals(signal.equals("INT") ? 130 : 143, process.exitValue(), output);

    Matcher notice = Pattern.compile("interrupted: (\\d+) of 8 cells are done and kept in "
        + Pattern.quote(out.toString()) + " \\(cells/\\); run the same command again to resume with the other (\\d+): ./ad run "
        + Pattern.quote(spec + " --out " + out)).matcher(output);
    assertTrue(notice.find(), output);
    int kept = Integer.parseInt(notice.group(1));
    assertEquals(8 - kept, Integer.parseInt(notice.group(2)));
    // A cell may finish between the notice and the end of the JVM; none is lost either way.
    int stored = count(cells);
    assertTrue(kept >= 2 && stored >= kept && stored <= kept + 1, "said " + kept + ", stored " + stored);

    // The resumed run in a JVM of its own, which ends by itself: its shutdown says nothing.
    Process rerun = CommandLineTest.adProcess(log, List.of(), "run", spec.toString(), "--out", out.toString());
    assertTrue(rerun.waitFor(120, TimeUnit.SECONDS));
    String again = Files.readString(log);
    assertEquals(0, rerun.exitValue(), again);
    assertTrue(again.contains("resuming: " + stored + " of 8 cells are already done"), again);
    assertTrue(!again.contains("interrupted:"), "a run that ends by itself says nothing of it: " + again);
  }

  private static int count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return (int) files.filter(p -> p.toString().endsWith(".json")).count();
    }
  }
}

package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.data.DataRoot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes and messages. */
class CommandLineTest {
  @TempDir
  Path temp;

  /** What one invocation printed and returned. */
  record Outcome(int status, String out, String err) {}

  static Outcome ad(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(status, out.toString(), err.toString());
  }

  /**
   * Starts {@code ad} in a JVM of its own (for signals, or a small heap), its output and errors both
   * into {@code log}.
   *
   * @param jvmOptions e.g. {@code -Xmx128m}; may be empty
   */
  static Process adProcess(Path log, List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
        Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  static Path repository() {
    return DataRoot.repositoryRoot().orElseThrow();
  }

  @Test
  void validateAcceptsEveryShippedExperiment() throws IOException {
    try (var files = Files.list(repository().resolve("experiments"))) {
      List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertFalse(yamls.isEmpty());
      for (Path yaml : yamls) {
        Outcome o = ad("validate", yaml.toString());
        assertEquals(0, o.status(), yaml + ": " + o.err());
        assertTrue(o.out().startsWith("ok: "), o.out());
      }
    }
  }

  @Test
  void validateOfAMisspeltKeyExitsTwoNamingKeyAndLine() throws IOException {
    String tutorial = Files.readString(repository().resolve("experiments/seed-tutorial.yaml"));
    int line = 1 + (int) tutorial.substring(0, tutorial.indexOf("learning_rate")).chars()
        .filter(c -> c == '\n').count();
    Path bad = temp.resolve("bad.yaml");
    Files.writeString(bad, tutorial.replace("learning_rate:", "learnig_rate:"));
    Outcome o = ad("validate", bad.toString());
    assertEquals(2, o.status());
    assertTrue(o.err().contains("bad.yaml:" + line + ":"), o.err());
    assertTrue(o.err().contains("unknown key 'learnig_rate'"), o.err());
    assertTrue(o.err().contains("did you mean 'learning_rate'?"), o.err());
    assertFalse(o.err().contains("\tat "), "no stack trace for a user error: " + o.err());
  }

  @Test
  void missingFileIsAUserError() {
    Outcome o = ad("run", temp.resolve("nope.yaml").toString());
    assertEquals(2, o.status());
    assertTrue(o.err().contains("experiment file not found"), o.err());
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    assertEquals(2, ad("frobnicate").status());
  }

  @Test
  void aSavedIsolationForestScoresNewRows() throws IOException {
    StringBuilder csv = new StringBuilder("a,b,label\n");
    for (int i = 0; i < 300; i++) {
      boolean anomalous = i % 30 == 0;
      csv.append(anomalous ? 9 : i % 7 / 10.0).append(',').append(anomalous ? -9 : i % 5 / 10.0)
          .append(',').append(anomalous ? 1 : 0).append('\n');
    }
    Files.writeString(temp.resolve("data.csv"), csv);
    Path spec = temp.resolve("forest.yaml");
    Files.writeString(spec, """
        name: forest
        seeds: [1]
        charts: false
        save_models: true
        datasets:
          - {name: d, type: csv, path: data.csv}
        detectors:
          - {type: isolation_forest, trees: 20, max_samples: 64}
        """);
    Path out = temp.resolve("out");
    Outcome run = ad("run", spec.toString(), "--out", out.toString(), "--data-root", temp.toString());
    assertEquals(0, run.status(), run.err());
    assertFalse(run.err().contains("cannot be saved"), run.err());
    Path model;
    try (var files = Files.list(out.resolve("models"))) {
      model = files.findFirst().orElseThrow();
    }
    Path scored = temp.resolve("scored.csv");
    Outcome o = ad("score", "--model", model.toString(), "--input", temp.resolve("data.csv").toString(),
        "--out", scored.toString());
    assertEquals(0, o.status(), o.err());
    List<String> lines = Files.readAllLines(scored);
    assertEquals(301, lines.size(), "a header and one line per row");
    // Row 0 is the planted anomaly: the forest isolates it in fewer cuts than any normal row.
    double anomaly = Double.parseDouble(lines.get(1).split(",")[1]);
    double normal = Double.parseDouble(lines.get(2).split(",")[1]);
    assertTrue(anomaly > normal, lines.get(1) + " vs " + lines.get(2));
  }

  @Test
  void listShowsEveryKindOfComponent() {
    Outcome o = ad("list");
    assertEquals(0, o.status());
    for (String expected : List.of("detectors:", "dense_autoencoder", "thresholders:", "mean_std",
        "percentile", "fixed", "datasets:", "synthetic", "protocols:", "novelty", "scalers:", "min_max",
        "standard")) {
      assertTrue(o.out().contains(expected), "missing " + expected + " in\n" + o.out());
    }
  }
}

package ad.experiments;

import ad.experiments.CommandLineTest.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever CSV file a spec points at, {@code ad run} ends with success, a user error (exit 2, one
 * located line) or failed cells whose errors are in results.csv (exit 1): never an internal error
 * or a stack trace. The runner-level counterpart of ad-core's {@code CsvSourcePropertiesTest}, with
 * the test-only {@code test_centroid} detector so that each try takes a fraction of a second.
 */
class CsvRunPropertiesTest {
  private static final List<String> CELLS = List.of("0", "1", "-1.5", "0.25", "3e2", ".5", "", "NaN", "1e999",
      "abc", "\"1\"", "2", "yes", "1,2");

  @Property(tries = 30)
  void runsOnGeneratedCsvFailOnlyWithUserErrors(@ForAll("files") byte[] content) throws IOException {
    Path dir = Files.createTempDirectory("csv-run");
    try {
      Files.write(dir.resolve("d.csv"), content);
      Path spec = dir.resolve("p.yaml");
      Files.writeString(spec, """
          name: p
          seeds: [1]
          charts: false
          datasets:
            - {name: d, type: csv, path: d.csv}
          detectors: [test_centroid]
          """);
      Path out = dir.resolve("out");
      Outcome o = CommandLineTest.ad("run", spec.toString(), "--out", out.toString(), "--data-root",
          dir.toString());
      String context = "exit " + o.status() + ", stderr: " + o.err() + "\nfile: "
          + new String(content, StandardCharsets.UTF_8);
      if (o.err().contains("\tat ") || o.err().contains("internal error") || o.err().contains("Exception")) {
        throw new AssertionError("not a user error: " + context);
      }
      switch (o.status()) {
        case 0 -> { }
        case 2 -> require(o.err().strip().lines().reduce((a, b) -> b).orElse("").startsWith("error: "), context);
        case 1 -> {
          String results = Files.readString(out.resolve("results.csv"));
          require(results.contains(",failed,") && o.err().contains("FAILED: "), context + "\nresults: " + results);
        }
        default -> throw new AssertionError("unexpected " + context);
      }
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** A table of columns a, b, label with random (often bad) cells, plain or gzip, sometimes cut short. */
  @Provide
  Arbitrary<byte[]> files() {
    return Arbitraries.randomValue(random -> {
      StringBuilder s = new StringBuilder(random.nextInt(8) == 0 ? "a,label\n" : "a,b,label\n");
      int rows = random.nextInt(30);
      for (int i = 0; i < rows; i++) {
        List<String> row = new ArrayList<>();
        boolean clean = random.nextInt(6) != 0;
        row.add(clean ? Double.toString(random.nextGaussian()) : pick(random));
        row.add(clean ? Double.toString(random.nextGaussian()) : pick(random));
        row.add(clean ? (i % 5 == 4 ? "1" : "0") : pick(random));
        s.append(String.join(",", row)).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
      }
      byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
      return random.nextInt(4) == 0 ? gzip(bytes, random) : bytes;
    });
  }

  private static String pick(Random random) {
    return CELLS.get(random.nextInt(CELLS.size()));
  }

  private static byte[] gzip(byte[] bytes, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    byte[] zipped = out.toByteArray();
    return random.nextBoolean() ? zipped : Arrays.copyOf(zipped, random.nextInt(zipped.length));
  }

  private static void require(boolean ok, String context) {
    if (!ok) {
      throw new AssertionError(context);
    }
  }
}

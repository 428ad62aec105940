package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.UserException;
import ad.core.data.csv.CsvReader;
import ad.core.registry.Registry;
import ad.eval.pipeline.Pipeline;
import ad.eval.pipeline.PipelineFile;
import ad.eval.pipeline.SeriesScorer;
import ad.eval.pipeline.StreamingScorer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the model-file reader (issue 14): random bytes, truncations, bit flips, overwritten runs of
 * bytes, and, on files made consistent again (listed and checksummed anew, as a deliberate forger
 * would), edited manifests, damaged, resized, inflated, duplicated, dropped and added entries. Every
 * outcome must be a loaded pipeline that then scores (or refuses its input) cleanly, or a
 * {@link UserException}: never another exception, never an error such as OutOfMemoryError.
 *
 * <p>The base files are real: saved by {@code ad run} for isolation_forest, pca, a dense autoencoder,
 * test_centroid with categorical columns, and a series model, so the model loaders are fuzzed too.
 * Iterations: {@code -Dad.fuzz.iterations=N} (default 500, a few seconds); each failure reports the
 * seed that reproduces it ({@code -Dad.fuzz.seed=S} starts there).
 */
class ModelFileFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("ad.fuzz.iterations", 500);
  private static final long FIRST_SEED = Long.getLong("ad.fuzz.seed", 1L);

  @TempDir
  static Path temp;
  private static final List<Base> BASES = new ArrayList<>();
  private static Registry registry;
  /** Where the damaged files go: memory when the machine has a tmpfs, since thousands are written. */
  private static Path FUZZ_DIR;

  /** A saved model file, read once: its bytes and its entries. */
  private record Base(Path file, byte[] bytes, ModelZip zip) {
    ModelZip edit() {
      return zip.copy();
    }
  }

  /** One kind of damage: edits a copy of a base file, or writes a file of its own. */
  private interface Mutation {
    void apply(Base base, Random random, Path target) throws IOException;
  }

  private static final Map<String, Mutation> MUTATIONS = new TreeMap<>(Map.ofEntries(
      Map.entry("random bytes", ModelFileFuzzTest::randomBytes),
      Map.entry("truncation", (base, r, target) -> {
        byte[] b = base.bytes().clone();
        Files.write(target, Arrays.copyOf(b, r.nextInt(b.length)));
      }),
      Map.entry("bit flips", (base, r, target) -> {
        byte[] b = base.bytes().clone();
        for (int i = 1 + r.nextInt(16); i > 0; i--) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        Files.write(target, b);
      }),
      Map.entry("overwritten run", (base, r, target) -> {
        byte[] b = base.bytes().clone();
        int from = r.nextInt(b.length);
        for (int i = from; i < Math.min(b.length, from + 1 + r.nextInt(64)); i++) {
          b[i] = (byte) r.nextInt(256);
        }
        Files.write(target, b);
      }),
      Map.entry("manifest value, signed", (base, r, target) -> {
        ModelZip zip = base.edit();
        mutateJson(zip.manifest, r);
        zip.signManifestOnly().write(target);
      }),
      Map.entry("state entry, signed", (base, r, target) -> {
        ModelZip zip = base.edit();
        List<ModelZip.Entry> state = zip.state();
        ModelZip.Entry e = state.get(r.nextInt(state.size()));
        zip.replace(e.name(), mutateBytes(e.bytes(), r));
        zip.manifest.remove("entries");
        zip.sign().write(target);
      }),
      Map.entry("inflated entry", (base, r, target) -> {
        ModelZip zip = base.edit();
        List<ModelZip.Entry> state = zip.state();
        ModelZip.Entry e = state.get(r.nextInt(state.size()));
        zip.replace(e.name(), Arrays.copyOf(e.bytes(), e.bytes().length + 1 + r.nextInt(1 << 16)));
        zip.write(target);
      }),
      Map.entry("duplicated entry", (base, r, target) -> {
        ModelZip zip = base.edit();
        ModelZip.Entry e = zip.entries.get(r.nextInt(zip.entries.size()));
        zip.entries.add(r.nextInt(zip.entries.size() + 1), new ModelZip.Entry(e.name(), mutateBytes(e.bytes(), r)));
        zip.write(target);
      }),
      Map.entry("dropped or added entry, signed", (base, r, target) -> {
        ModelZip zip = base.edit();
        if (r.nextBoolean() && !zip.state().isEmpty()) {
          String name = zip.state().get(r.nextInt(zip.state().size())).name();
          zip.entries.removeIf(e -> e.name().equals(name));
        } else {
          String[] kinds = {"f32", "f64", "i32", "txt"};
          zip.entries.add(new ModelZip.Entry("state/" + (r.nextBoolean() ? "model" : "scaler") + "/x"
              + r.nextInt(3) + "." + kinds[r.nextInt(4)], mutateBytes(new byte[r.nextInt(64)], r)));
        }
        zip.manifest.remove("entries");
        zip.sign().write(target);
      })));

  @BeforeAll
  static void saveBaseFiles() throws IOException {
    registry = Registry.load();
    Path shm = Path.of("/dev/shm");
    FUZZ_DIR = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "ad-fuzz") : temp;
    StringBuilder csv = new StringBuilder("a,proto,b,flag,label\n");
    for (int i = 0; i < 120; i++) {
      boolean anomalous = i % 12 == 11;
      csv.append(anomalous ? 5 : (i % 7) / 10.0).append(',').append(i % 3 == 0 ? "udp" : "tcp").append(',')
          .append(anomalous ? -5 : 1 + (i % 5) / 10.0).append(',').append(i % 4 == 0 ? "REJ" : "SF").append(',')
          .append(anomalous ? 1 : 0).append('\n');
    }
    Files.writeString(temp.resolve("table.csv"), csv.toString());
    save("table", """
        datasets:
          - {name: t, type: csv, path: table.csv, categorical: [proto, flag]}
        detectors:
          - {type: isolation_forest, trees: 10, max_samples: 32}
          - {name: eif, type: isolation_forest, trees: 5, max_samples: 16, extension_level: 2}
          - {type: pca}
          - {type: dense_autoencoder, hidden_layers: [3], epochs: 1, batch_size: 16}
          - test_centroid
        """);
    StringBuilder series = new StringBuilder("t,x,y,label\n");
    for (int t = 0; t < 200; t++) {
      series.append(t).append(',').append(Math.sin(t / 5.0)).append(',').append(Math.cos(t / 9.0)).append(',')
          .append(t >= 150 && t < 155 ? 1 : 0).append('\n');
    }
    Files.writeString(temp.resolve("series.csv"), series.toString());
    save("series", """
        datasets:
          - {name: s, type: series, paths: [series.csv], window: 8, stride: 2, train_prefix: 100,
             timestamp_column: t}
        protocol: {type: fixed, train_on: all, validation_fraction: 0.0}
        thresholders:
          - {type: percentile, q: 99, fit_on: train}
        detectors: [test_centroid]
        """);
    assertEquals(6, BASES.size(), BASES.toString());
  }

  private static void save(String name, String body) throws IOException {
    Path spec = Files.writeString(temp.resolve(name + ".yaml"), "name: " + name + "\nseeds: [1]\ncharts: false\n"
        + "save_models: true\n" + body);
    Path out = temp.resolve("out-" + name);
    CommandLineTest.Outcome o = CommandLineTest.ad("run", spec.toString(), "--out", out.toString(), "--data-root",
        temp.toString(), "--workers", "1");
    assertEquals(0, o.status(), o.err());
    try (Stream<Path> models = Files.list(out.resolve("models"))) {
      for (Path model : models.sorted().toList()) {
        BASES.add(new Base(model, Files.readAllBytes(model), ModelZip.read(model)));
      }
    }
  }

  @org.junit.jupiter.api.AfterAll
  static void removeDamagedFiles() throws IOException {
    if (!FUZZ_DIR.equals(temp)) {
      Files.deleteIfExists(FUZZ_DIR.resolve("fuzz.adp"));
      Files.deleteIfExists(FUZZ_DIR);
    }
  }

  @Test
  void everyDamagedFileIsLoadedCleanlyOrRefusedWithAUserError() throws IOException {
    for (Base base : BASES) {
      assertEquals("loaded", outcome(base.file()), "the base file " + base.file() + " loads and scores");
    }
    List<String> names = new ArrayList<>(MUTATIONS.keySet());
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + ITERATIONS; seed++) {
      Random random = new Random(seed);
      Base base = BASES.get(random.nextInt(BASES.size()));
      String mutation = names.get(random.nextInt(names.size()));
      Path target = FUZZ_DIR.resolve("fuzz.adp");
      MUTATIONS.get(mutation).apply(base, random, target);
      String outcome;
      try {
        outcome = outcome(target);
      } catch (Throwable t) {
        outcome = "FAILED";
        failures.add("seed " + seed + " (" + mutation + " of " + base.file().getFileName() + "): " + t);
        if (failures.size() <= 5) {
          t.printStackTrace();
        }
      }
      counts.computeIfAbsent(mutation, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
    }
    System.err.printf("model-file fuzz: %d iterations from seed %d in %.1f s: %s%n", ITERATIONS, FIRST_SEED,
        (System.nanoTime() - start) / 1e9, counts);
    assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
    assertTrue(counts.values().stream().mapToInt(m -> m.getOrDefault("refused", 0)).sum() > ITERATIONS / 2, counts
        .toString());
  }

  /**
   * "loaded" when the file loads and a small input scores (or is refused as a user error: a damaged
   * file may ask for columns no input has), "refused" when the file is refused as a user error.
   */
  private static String outcome(Path file) throws IOException {
    Pipeline pipeline;
    try {
      pipeline = PipelineFile.read(file, registry);
    } catch (UserException e) {
      assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a message");
      return "refused";
    }
    try {
      score(pipeline);
    } catch (UserException e) {
      return "loaded";
    }
    return "loaded";
  }

  /** Scores a few rows (or points) made of the columns the pipeline reads. */
  private static void score(Pipeline pipeline) throws IOException {
    List<String> numeric = pipeline.inputs().numeric();
    List<String> categorical = pipeline.inputs().categorical();
    StringBuilder csv = new StringBuilder(String.join(",", numeric));
    for (String c : categorical) {
      csv.append(',').append(c);
    }
    csv.append('\n');
    int rows = pipeline.isSeries() ? pipeline.windowing().window() + 5 : 4;
    if (rows > 100_000) {
      return;
    }
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < numeric.size(); j++) {
        csv.append(j == 0 ? "" : ",").append(0.25 * (r % 3));
      }
      for (String c : categorical) {
        csv.append(",v").append(r % 2);
      }
      csv.append('\n');
    }
    BiConsumer<CsvReader, StringWriter> run = (reader, out) -> {
      try {
        if (pipeline.isSeries()) {
          new SeriesScorer(pipeline, null, 256, 2).score(reader, null, out, n -> { });
        } else {
          new StreamingScorer(pipeline, null, 3, 2).score(reader, null, out, n -> { });
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
    try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
        "fuzz.csv")) {
      run.accept(reader, new StringWriter());
    }
  }

  private static void randomBytes(Base base, Random r, Path target) throws IOException {
    byte[] b = new byte[r.nextInt(4096)];
    r.nextBytes(b);
    if (b.length >= 4 && r.nextBoolean()) {
      // A zip local header's signature, so that some random files get past the first check.
      b[0] = 'P';
      b[1] = 'K';
      b[2] = 3;
      b[3] = 4;
    }
    Files.write(target, b);
  }

  /** Damages {@code bytes}: flips, truncates, extends, or replaces them. */
  private static byte[] mutateBytes(byte[] bytes, Random r) {
    byte[] b = bytes.clone();
    switch (r.nextInt(5)) {
      case 0 -> {
        for (int i = 0; i < 1 + r.nextInt(8) && b.length > 0; i++) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
      }
      case 1 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
      case 2 -> b = Arrays.copyOf(b, b.length + 1 + r.nextInt(64));
      case 3 -> {
        // Special values where a float, double or int would be.
        int[] specials = {0x7fc00000, 0x7f800000, 0xff800000, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0};
        for (int i = 0; i + 4 <= b.length && i < 64; i += 4) {
          if (r.nextInt(4) == 0) {
            int v = specials[r.nextInt(specials.length)];
            b[i] = (byte) v;
            b[i + 1] = (byte) (v >> 8);
            b[i + 2] = (byte) (v >> 16);
            b[i + 3] = (byte) (v >> 24);
          }
        }
      }
      default -> r.nextBytes(b);
    }
    return b;
  }

  /** Replaces, removes or re-types one value somewhere in the manifest. */
  private static void mutateJson(ObjectNode manifest, Random r) {
    List<JsonNode> containers = new ArrayList<>();
    collect(manifest, containers);
    JsonNode container = containers.get(r.nextInt(containers.size()));
    JsonNode value = randomValue(r);
    if (container instanceof ObjectNode object) {
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      if (keys.isEmpty() || r.nextInt(8) == 0) {
        object.set("k" + r.nextInt(3), value);
      } else if (r.nextInt(5) == 0) {
        object.remove(keys.get(r.nextInt(keys.size())));
      } else {
        object.set(keys.get(r.nextInt(keys.size())), value);
      }
    } else {
      ArrayNode array = (ArrayNode) container;
      if (array.isEmpty() || r.nextInt(4) == 0) {
        array.add(value);
      } else if (r.nextInt(4) == 0) {
        array.remove(r.nextInt(array.size()));
      } else {
        array.set(r.nextInt(array.size()), value);
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }

  private static JsonNode randomValue(Random r) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (r.nextInt(16)) {
      case 0 -> f.numberNode(0);
      case 1 -> f.numberNode(-1);
      case 2 -> f.numberNode(r.nextInt(10));
      case 3 -> f.numberNode(Integer.MAX_VALUE);
      case 4 -> f.numberNode(Long.MAX_VALUE);
      case 5 -> f.numberNode(1e308);
      case 6 -> f.numberNode(-0.5);
      case 7 -> f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
      case 8 -> f.textNode("");
      case 9 -> f.textNode("x" + r.nextInt(3));
      case 10 -> f.nullNode();
      case 11 -> f.booleanNode(r.nextBoolean());
      case 12 -> f.arrayNode();
      case 13 -> f.objectNode();
      case 14 -> f.arrayNode().add(r.nextInt(100_000)).add(r.nextInt(100_000));
      default -> f.textNode("NaN");
    };
  }
}

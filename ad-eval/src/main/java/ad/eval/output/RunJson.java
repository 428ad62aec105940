package ad.eval.output;

import ad.core.data.DataContext;
import ad.core.data.DataRoot;
import ad.eval.io.AtomicFiles;
import ad.eval.cell.ResultRow;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * run.json: how a run came about, so that a result can be traced and reproduced (Tribuo's habit):
 * the resolved spec, versions of ad, Java, the OS and the libraries that compute the numbers, the git
 * commit of the checkout and whether it had uncommitted changes ({@link Checkout}: a build from a
 * dirty checkout cannot be rebuilt from the commit alone), the machine, timings, and every data file
 * the run read with its SHA-256 ({@code data_files}; a run that only resumed stored cells reads none).
 */
public final class RunJson {
  /** Libraries whose version changes numbers: group/artifact as in their jar's pom.properties. */
  private static final List<String> LIBRARIES = List.of(
      "org.deeplearning4j/deeplearning4j-nn", "org.nd4j/nd4j-native", "org.nd4j/nd4j-api",
      "com.github.haifengl/smile-core", "com.fasterxml.jackson.core/jackson-databind",
      "org.knowm.xchart/xchart");

  private final ExperimentSpec spec;
  private final DataContext data;

  public RunJson(ExperimentSpec spec, DataContext data) {
    this.spec = spec;
    this.data = data;
  }

  /**
   * @param scheduler where the cells ran ({@code in process}, {@code spark local[2]}, ...)
   * @param workers cells run at once
   * @param rows every row of results.csv
   */
  public void write(Path file, String scheduler, int workers, int cellsReused, int cellsRun, List<ResultRow> rows,
      double wallSeconds) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("experiment", spec.name());
    out.put("finished_at", Instant.now().toString());
    out.put("wall_seconds", wallSeconds);
    out.put("workers", workers);
    out.put("scheduler", scheduler);
    out.put("cells", Map.of("reused", cellsReused, "run", cellsRun,
        "failed_rows", rows.stream().filter(ResultRow::failed).count()));
    out.put("spec", SpecJson.describe(spec));
    out.put("data_root", data.dataRoot() == null ? null : data.dataRoot().toString());
    List<Map<String, String>> files = new java.util.ArrayList<>();
    data.files().files().forEach((path, sha) -> {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("path", path.toString());
      entry.put("sha256", sha);
      files.add(entry);
    });
    out.put("data_files", files);
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("ad", Optional.ofNullable(RunJson.class.getPackage().getImplementationVersion())
        .orElse("dev"));
    versions.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    for (String library : LIBRARIES) {
      libraryVersion(library).ifPresent(v -> versions.put(library.substring(library.indexOf('/') + 1), v));
    }
    out.put("versions", versions);
    Optional<Path> checkout = DataRoot.repositoryRoot();
    gitCommit().or(() -> checkout.flatMap(root -> Checkout.git(root, "rev-parse", "HEAD")).map(String::trim))
        .ifPresent(c -> out.put("git_commit", c));
    out.putAll(Checkout.changes(checkout));
    out.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024),
        "omp_num_threads", Optional.ofNullable(System.getenv("OMP_NUM_THREADS")).orElse("unset")));
    try {
      AtomicFiles.write(file, SpecJson.MAPPER.writeValueAsBytes(out));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise run.json", e);
    }
  }

  private static Optional<String> libraryVersion(String groupAndArtifact) {
    String resource = "/META-INF/maven/" + groupAndArtifact + "/pom.properties";
    try (InputStream in = RunJson.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(in);
      return Optional.ofNullable(p.getProperty("version"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The commit checked out in the ad repository, read from .git without running git. */
  static Optional<String> gitCommit() {
    Optional<Path> root = DataRoot.repositoryRoot();
    if (root.isEmpty()) {
      return Optional.empty();
    }
    Path git = root.get().resolve(".git");
    try {
      String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
      if (!head.startsWith("ref: ")) {
        return Optional.of(head);
      }
      String ref = head.substring(5);
      Path loose = git.resolve(ref);
      if (Files.isRegularFile(loose)) {
        return Optional.of(Files.readString(loose, StandardCharsets.UTF_8).trim());
      }
      Path packed = git.resolve("packed-refs");
      if (Files.isRegularFile(packed)) {
        for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
          if (line.endsWith(" " + ref)) {
            return Optional.of(line.substring(0, line.indexOf(' ')));
          }
        }
      }
    } catch (IOException e) {
      // Not a git checkout, or an unusual one: provenance simply has no commit.
    }
    return Optional.empty();
  }
}

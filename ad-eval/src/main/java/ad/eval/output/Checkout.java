package ad.eval.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the ad checkout a run was built from had uncommitted changes, for run.json: a result from
 * a dirty checkout cannot be reproduced from its commit alone. Asks {@code git status --porcelain}
 * when git and a checkout are there, and says {@code "unknown"} otherwise (no git, not a checkout, git
 * failing or hanging): provenance never fails a run.
 */
final class Checkout {
  /** Lines of {@code git status} kept in run.json: enough to see what changed, never a huge file. */
  static final int MAX_CHANGES = 20;
  private static final long TIMEOUT_SECONDS = 10;

  private Checkout() {}

  /**
   * {@code git_dirty}: true, false or "unknown"; with true, {@code git_changes}: the first
   * {@link #MAX_CHANGES} lines of {@code git status --porcelain} and how many there were in all.
   */
  static Map<String, Object> changes(Optional<Path> checkout) {
    return changes(checkout, "git");
  }

  static Map<String, Object> changes(Optional<Path> checkout, String git) {
    Map<String, Object> out = new LinkedHashMap<>();
    Optional<String> status = checkout.flatMap(root -> run(git, root, "status", "--porcelain"));
    if (status.isEmpty()) {
      out.put("git_dirty", "unknown");
      return out;
    }
    List<String> lines = status.get().lines().filter(l -> !l.isBlank()).toList();
    out.put("git_dirty", !lines.isEmpty());
    if (!lines.isEmpty()) {
      out.put("git_changes", lines.subList(0, Math.min(lines.size(), MAX_CHANGES)));
      out.put("git_changed_paths", lines.size());
    }
    return out;
  }

  /** What {@code git <arguments>} prints in {@code root}, if git runs there and succeeds. */
  static Optional<String> git(Path root, String... arguments) {
    return run("git", root, arguments);
  }

  private static Optional<String> run(String git, Path root, String... arguments) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>(List.of(git, "-C", root.toString()));
    command.addAll(List.of(arguments));
    Path output = null;
    Process process = null;
    try {
      // Into a file, not a pipe: waiting with a timeout then works whatever git prints, or if it hangs.
      output = Files.createTempFile("ad-git", ".txt");
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
          .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // A temporary file left in the temporary folder: harmless.
        }
      }
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}

package ad.core.data;

import ad.core.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the {@code paths} of a series source: plain paths and globs ({@code *}, {@code ?},
 * {@code [..]}, {@code {a,b}}, {@code **}) relative to the data root, minus {@code exclude} globs
 * (matched against the relative path or the bare file name). A glob's matches are sorted by name;
 * entries keep their order; a file named twice is read once.
 */
final class SeriesFiles {
  private SeriesFiles() {}

  /** The files as relative (or absolute, when given so) names, in order. */
  static List<String> expand(Path root, List<String> paths, List<String> exclude, String key) {
    Set<String> out = new LinkedHashSet<>();
    for (String entry : paths) {
      if (!isGlob(entry)) {
        out.add(entry);
        continue;
      }
      List<String> matches = glob(root, entry);
      if (matches.isEmpty()) {
        throw new UserException("'" + entry + "' (" + key + ") matches no file under the data root " + root
            + " (set the environment variable " + DataRoot.ENVIRONMENT + " to use another data folder)");
      }
      out.addAll(matches);
    }
    List<PathMatcher> excluded = exclude.stream()
        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    List<String> kept = new ArrayList<>();
    for (String name : out) {
      Path p = Path.of(name);
      if (excluded.stream().noneMatch(m -> m.matches(p) || m.matches(p.getFileName()))) {
        kept.add(name);
      }
    }
    return kept;
  }

  /** True when {@code path} (a relative path) matches the glob {@code pattern}, or its file name does. */
  static boolean matches(String pattern, String path) {
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    Path p = Path.of(path);
    return m.matches(p) || m.matches(p.getFileName());
  }

  private static boolean isGlob(String entry) {
    return entry.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private static List<String> glob(Path root, String pattern) {
    // Walk only below the fixed leading folders of the pattern.
    Path absolutePattern = root.resolve(pattern);
    Path base = absolutePattern.getRoot() == null ? Path.of("") : absolutePattern.getRoot();
    for (Path part : absolutePattern) {
      if (isGlob(part.toString())) {
        break;
      }
      base = base.resolve(part);
    }
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    boolean absolute = Path.of(pattern).isAbsolute();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:"
        + absolutePattern.toString().replace("\\", "/"));
    try (Stream<Path> files = Files.walk(base)) {
      return files.filter(Files::isRegularFile).filter(matcher::matches).sorted()
          .map(p -> absolute ? p.toString() : root.relativize(p).toString().replace("\\", "/"))
          .toList();
    } catch (IOException e) {
      throw cannotList(pattern, base, e);
    } catch (UncheckedIOException e) {
      // Files.walk reports a folder it cannot enter while the stream runs.
      throw cannotList(pattern, base, e.getCause());
    }
  }

  private static UserException cannotList(String pattern, Path base, IOException e) {
    return new UserException("cannot list the files of '" + pattern + "' under " + base + ": "
        + FileProblems.reason(e) + (e instanceof java.nio.file.FileSystemException f && f.getFile() != null
        ? " (" + f.getFile() + ")" : ""), e);
  }
}

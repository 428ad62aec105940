package ad.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether two paths name the same file, however they are spelt: relative or absolute, {@code ./x} or
 * {@code x}, through a symbolic link, as two hard links, or in another case on a case-insensitive file
 * system. The file system decides ({@link Files#isSameFile}: the same device and inode on POSIX), so
 * no spelling escapes it. Used to refuse writing over a file the same command reads.
 */
public final class SameFile {
  private SameFile() {}

  /**
   * How {@code written} and {@code read} are the same file, e.g. "through a symbolic link", or empty
   * when they are different files (or {@code written} does not exist yet, and is not {@code read}'s path).
   */
  public static Optional<String> how(Path written, Path read) {
    Path a = written.toAbsolutePath().normalize();
    Path b = read.toAbsolutePath().normalize();
    if (a.equals(b)) {
      return Optional.of("the same path");
    }
    if (!Files.exists(a) || !Files.exists(b)) {
      return Optional.empty();
    }
    try {
      if (!Files.isSameFile(a, b)) {
        return Optional.empty();
      }
      Path realA = a.toRealPath();
      Path realB = b.toRealPath();
      if (!realA.equals(realB)) {
        return Optional.of(realA.toString().toLowerCase(Locale.ROOT).equals(realB.toString().toLowerCase(Locale.ROOT))
            ? "spelt in another case on a case-insensitive file system" : "a hard link to it");
      }
      return Optional.of("through a symbolic link, both are " + realA);
    } catch (IOException e) {
      // Neither can be opened to compare: whatever reads or writes it will report why.
      return Optional.empty();
    }
  }
}

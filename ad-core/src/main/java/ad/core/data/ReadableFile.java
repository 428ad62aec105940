package ad.core.data;

import ad.core.UserException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks that a path names a file this process can read, before any work, and says what the
 * operating system said otherwise: not found, a symbolic link to nothing or in a loop, a folder, a
 * named pipe where a file is needed, no permission to read it, a name too long for the file system.
 */
public final class ReadableFile {
  private ReadableFile() {}

  /**
   * Requires a regular file: one that can be read more than once, or at any position.
   *
   * @param what how the message names the file, e.g. {@code model file} or {@code data file 'x.csv' (path)}
   * @param notFound what to add when nothing exists at {@code file}, e.g. where relative paths are read
   *     from; may be empty
   * @throws UserException naming {@code file} and the reason
   */
  public static void requireFile(Path file, String what, String notFound) {
    if (!attributes(file, what, notFound).isRegularFile()) {
      throw new UserException(what + " is not a regular file (a named pipe, device or socket?): " + file
          + "; it is read more than once, so it must be a file");
    }
    probe(file, what);
  }

  /** Requires a regular file, or a stream read once such as a named pipe or {@code /dev/stdin}. */
  public static void requireReadable(Path file, String what, String notFound) {
    attributes(file, what, notFound);
    probe(file, what);
  }

  private static BasicFileAttributes attributes(Path file, String what, String notFound) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(file)) {
        throw new UserException(what + " is a symbolic link to " + linkTarget(file) + ", which does not exist: "
            + file);
      }
      throw new UserException(what + " not found: looked for " + file + notFound);
    } catch (IOException e) {
      throw new UserException(what + " cannot be read: " + FileProblems.reason(e) + ": " + file, e);
    }
    if (attributes.isDirectory()) {
      throw new UserException(what + " is a folder, not a file: " + file);
    }
    return attributes;
  }

  /**
   * Opens {@code file} once, so that one without read permission is named as such before any work. Not
   * for a pipe: opening it would wait for a writer, and a pipe's permissions are checked when it is read.
   */
  private static void probe(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (InputStream probe = new FileInputStream(file.toFile())) {
      // Nothing to read: opening is the check.
    } catch (IOException e) {
      throw new UserException(what + " cannot be read: " + FileProblems.reason(e) + ": " + file, e);
    }
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "a missing file";
    }
  }
}

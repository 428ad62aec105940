package ad.eval.io;

import ad.core.UserException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file by writing a temporary sibling and renaming it over the target, so that readers see
 * either the old content or the new one, never a truncated file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Something that writes the whole content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void write(Path target, byte[] bytes) {
    write(target, out -> out.write(bytes));
  }

  /**
   * Writes {@code target} atomically.
   *
   * @throws UserException if the folder cannot be written (naming it), since that is the user's to fix
   */
  public static void write(Path target, Content content) {
    Path absolute = target.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    // Not Files.createTempFile: that makes the file owner-only (0600) on POSIX, and the mode survives
    // the move. CREATE_NEW keeps the umask's mode, like any other file the user writes.
    Path temp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Some network and FUSE file systems cannot rename atomically; a plain replace is the best left.
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (AccessDeniedException e) {
      deleteQuietly(temp);
      throw new UserException("cannot write " + absolute + ": permission denied (choose another "
          + "output folder with --out)", e);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new UserException("cannot write " + absolute + ": " + e, e);
    } catch (RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // The original failure is what the user needs to see.
    }
  }
}

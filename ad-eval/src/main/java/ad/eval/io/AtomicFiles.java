package ad.eval.io;

import ad.core.UserException;
import ad.core.data.FileProblems;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file by writing a temporary sibling and renaming it over the target, so that readers see
 * either the old content or the new one, never a truncated file.
 *
 * <p>A write still in progress when the JVM stops (Ctrl-C, SIGTERM) leaves no temporary file behind:
 * a shutdown hook deletes it, and says so on standard error, so an interrupted {@code ad score} of a
 * large file does not leave gigabytes of hidden {@code .tmp} beside its output. (SIGKILL runs no hook;
 * the temporary file's name then starts with a dot and ends with {@code .tmp}.)
 */
public final class AtomicFiles {
  /** Writes in progress, whose temporary files the shutdown hook deletes. */
  private static final Set<Pending> PENDING = ConcurrentHashMap.newKeySet();

  private AtomicFiles() {}

  /** Something that writes the whole content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A write in progress: its temporary file and the file it will replace. */
  private record Pending(Path temp, Path target) {}

  /** Registers the hook the first time a file is written. */
  private static final class Hook {
    static {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> abandonPending(System.err), "ad-unfinished-files"));
    }

    static void install() {
      // Loading the class ran the static block once.
    }
  }

  public static void write(Path target, byte[] bytes) {
    write(target, out -> out.write(bytes));
  }

  /**
   * Writes {@code target} atomically.
   *
   * @throws UserException if the folder cannot be written (naming it and the operating system's reason),
   *     since that is the user's to fix
   */
  public static void write(Path target, Content content) {
    Path absolute = target.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    // Not Files.createTempFile: that makes the file owner-only (0600) on POSIX, and the mode survives
    // the move. CREATE_NEW keeps the umask's mode, like any other file the user writes.
    Path temp = dir.resolve(tempName(absolute.getFileName().toString()));
    Hook.install();
    Pending pending = new Pending(temp, absolute);
    PENDING.add(pending);
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
      throw new UserException("cannot write " + absolute + ": " + FileProblems.reason(e), e);
    } catch (RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    } finally {
      PENDING.remove(pending);
    }
  }

  /**
   * A hidden sibling's name: {@code .<name>.<uuid>.tmp}, with {@code name} cut so that the whole fits
   * {@link FileNames#MAX_BYTES} (a target name of 255 bytes must not fail for its temporary file's sake).
   */
  static String tempName(String name) {
    String suffix = "." + UUID.randomUUID() + ".tmp";
    return "." + FileNames.truncated(name, FileNames.MAX_BYTES - 1 - suffix.length()) + suffix;
  }

  /**
   * Deletes the temporary file of every write still in progress and says so on {@code err}; what the
   * shutdown hook runs when the JVM stops before they finish.
   *
   * @return the files that were left unchanged, one per deleted temporary file
   */
  static List<Path> abandonPending(PrintStream err) {
    List<Path> untouched = new ArrayList<>();
    for (Pending p : List.copyOf(PENDING)) {
      if (PENDING.remove(p) && deleteQuietly(p.temp())) {
        untouched.add(p.target());
        err.println("interrupted: removed the unfinished temporary file " + p.temp() + "; " + p.target()
            + (Files.exists(p.target()) ? " was left as it was" : " was not written"));
      }
    }
    err.flush();
    return untouched;
  }

  private static boolean deleteQuietly(Path temp) {
    try {
      return Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // The original failure is what the user needs to see.
      return false;
    }
  }
}

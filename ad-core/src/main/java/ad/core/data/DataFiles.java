package ad.core.data;

import ad.core.UserException;
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Resolves the file paths of a spec against the data root and opens them, gzip or plain. */
public final class DataFiles {
  private static final int BUFFER = 1 << 16;

  private DataFiles() {}

  /** The data root of {@code context}, or {@link DataRoot#resolve()} when there is no context. */
  public static Path root(DataContext context) {
    return context != null && context.dataRoot() != null ? context.dataRoot() : DataRoot.resolve();
  }

  /**
   * {@code path} resolved against the data root (an absolute path stays as it is), checked to be a
   * regular file this process can read and that the command does not write ({@link DataContext#written}).
   *
   * <p>Every file found is recorded in the context's {@link DataFileLog} (hashed once per context): this
   * is the one place sources resolve their files, so the log sees all of them.
   *
   * @param key the YAML key that named the file, for the message
   * @throws UserException naming the file and what the operating system said: not found (with the data
   *     root and how to change it), a symbolic link to nothing or in a loop, a folder, a pipe or device,
   *     no permission to read it, a name too long, a file the command would overwrite
   */
  public static Path existing(DataContext context, String key, String path) {
    Path root = root(context);
    Path file = root.resolve(path).normalize();
    String what = "data file '" + path + "' (" + key + ")";
    // A run reads each data file more than once, so a pipe cannot be one.
    ReadableFile.requireFile(file, what, Path.of(path).isAbsolute() ? "" : "; relative paths are read from the data "
        + "root " + root + " (set the environment variable " + DataRoot.ENVIRONMENT + " or -D" + DataRoot.PROPERTY
        + " to use another data folder)");
    if (context != null) {
      context.written().refuseToRead(file, what);
      context.files().record(file);
    }
    return file;
  }

  /**
   * Opens {@code file}, unzipping it when it starts with the gzip magic bytes (whatever its name). A
   * named pipe or device (e.g. {@code /dev/stdin}) is read as a plain stream: the stream of
   * {@link Files#newInputStream} asks its channel for a position in {@code available()}, which a pipe
   * has not ("Illegal seek"), and {@link GZIPInputStream} asks that at the end of every member.
   */
  public static InputStream open(Path file) throws IOException {
    InputStream raw = Files.isRegularFile(file) ? Files.newInputStream(file) : new FileInputStream(file.toFile());
    try {
      return decompressed(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * {@code raw} buffered, and unzipped when it starts with the gzip magic bytes; the result supports
   * {@link InputStream#mark} so that a reader can look at its first bytes (e.g. for the IDX magic
   * number) before choosing how to read it. Works on streams read once, such as standard input.
   */
  public static InputStream decompressed(InputStream raw) throws IOException {
    InputStream in = new BufferedInputStream(raw, BUFFER);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
    }
    return in;
  }
}

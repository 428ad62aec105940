package ad.core.data;

import ad.core.UserException;
import java.io.BufferedInputStream;
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
   * {@code path} resolved against the data root (an absolute path stays as it is).
   *
   * @param key the YAML key that named the file, for the message
   * Every file found is recorded in the context's {@link DataFileLog} (hashed once per context): this
   * is the one place sources resolve their files, so the log sees all of them.
   *
   * @throws UserException naming the data root and how to change it when the file does not exist
   */
  public static Path existing(DataContext context, String key, String path) {
    Path root = root(context);
    Path file = root.resolve(path).normalize();
    if (Files.isDirectory(file)) {
      throw new UserException("data file '" + path + "' (" + key + ") is a folder, not a file: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new UserException("data file '" + path + "' (" + key + ") not found: looked for " + file
          + (Path.of(path).isAbsolute() ? "" : "; relative paths are read from the data root " + root
          + " (set the environment variable " + DataRoot.ENVIRONMENT + " or -D" + DataRoot.PROPERTY
          + " to use another data folder)"));
    }
    if (context != null) {
      context.files().record(file);
    }
    return file;
  }

  /** Opens {@code file}, unzipping it when it starts with the gzip magic bytes (whatever its name). */
  public static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(in, BUFFER);
    }
    return in;
  }
}

package ad.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data files a run read and their SHA-256, for its provenance: a result can only be traced to
 * its data if one can tell which bytes it came from. Each file is hashed once, when a source first
 * resolves it (sources load a dataset more than once per run), by streaming its bytes as stored on
 * disk (compressed files are hashed compressed). Thread-safe.
 */
public final class DataFileLog {
  private static final int BUFFER = 1 << 16;
  private final Map<Path, String> sha256 = new ConcurrentHashMap<>();

  /** Records {@code file}, hashing it unless it was recorded already. */
  public void record(Path file) {
    sha256.computeIfAbsent(file.toAbsolutePath().normalize(), DataFileLog::hash);
  }

  /** The files recorded so far, by path, with their SHA-256 in lower-case hex. */
  public Map<Path, String> files() {
    return new TreeMap<>(sha256);
  }

  static String hash(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      // The source that asked will fail on the same file with its own, better message.
      return "unreadable: " + e.getMessage();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "DataFileLog[" + sha256.size() + " files]";
  }
}

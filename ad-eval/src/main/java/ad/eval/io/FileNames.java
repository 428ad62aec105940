package ad.eval.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File names derived from names users choose (datasets, detectors, grid variants, thresholders, series
 * files): safe characters only, and short enough that every name ad derives from them fits the 255
 * bytes that file systems allow per name (ext4, XFS, btrfs, APFS, NTFS), so that a run never fails
 * late with "file name too long". A long name keeps its first characters and gains a hash of the
 * whole, so different names stay different.
 */
public final class FileNames {
  /** Bytes per file name on the common file systems. */
  public static final int MAX_BYTES = 255;
  /**
   * The longest label: the longest derived name, {@code scores-<dataset>-<detector>-seed<long>-<thresholder>.png},
   * holds three labels and 42 other bytes, and stays under {@link #MAX_BYTES}.
   */
  public static final int MAX_LABEL = 64;
  /** Hex digits of the hash that ends a shortened label. */
  private static final int HASH_DIGITS = 8;

  private FileNames() {}

  /**
   * {@code name} with every run of characters other than letters, digits, '.', '_' and '-' replaced by
   * '_', e.g. {@code dense(lr=0.01)} becomes {@code dense_lr_0.01_}; over {@link #MAX_LABEL} characters,
   * its start, '~' and a hash of {@code name}.
   */
  public static String label(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
    if (safe.length() <= MAX_LABEL) {
      return safe;
    }
    return safe.substring(0, MAX_LABEL - HASH_DIGITS - 1) + "~" + hash(name);
  }

  private static String hash(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code name} cut (at a character boundary) to at most {@code maxBytes} bytes of UTF-8, for names
   * ad makes from a name, such as a temporary file's.
   */
  static String truncated(String name, int maxBytes) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > maxBytes) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}

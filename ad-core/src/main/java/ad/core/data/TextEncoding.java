package ad.core.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether bytes are UTF-8 text, and if not, what they look like and how to convert them: the
 * byte-order marks of UTF-16 and UTF-32, a zip archive, NUL bytes (UTF-16 without a mark, or a binary
 * file), bytes that are not UTF-8 (Latin-1 or Windows-1252 text). ad reads its CSV files and
 * experiment files as UTF-8; a file in another encoding is named as such rather than read as garbled
 * names or "no label column".
 */
public final class TextEncoding {
  private TextEncoding() {}

  /**
   * What is wrong with {@code bytes[from, to)} as UTF-8 text, or empty when nothing is.
   *
   * @param what how the message names the bytes, e.g. {@code the header}
   * @param atStart whether {@code from} is the start of the file, where a byte-order mark or a zip
   *     signature would be
   */
  public static Optional<String> problem(byte[] bytes, int from, int to, String what, boolean atStart) {
    if (atStart && (startsWith(bytes, from, to, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, from, to, 0xFF, 0xFE,
        0x00, 0x00))) {
      return Optional.of(convert("the file is UTF-32 text (it starts with a UTF-32 byte-order mark)", "UTF-32"));
    }
    if (atStart && (startsWith(bytes, from, to, 0xFF, 0xFE) || startsWith(bytes, from, to, 0xFE, 0xFF))) {
      return Optional.of(convert("the file is UTF-16 text (it starts with a UTF-16 byte-order mark)", "UTF-16"));
    }
    if (atStart && startsWith(bytes, from, to, 'P', 'K', 0x03, 0x04)) {
      return Optional.of("the file is a zip archive, not text (ad reads plain or gzip files: unzip it first; an ad "
          + "model file goes to --model)");
    }
    for (int i = from; i < to; i++) {
      if (bytes[i] == 0) {
        return Optional.of(convert(what + " holds NUL bytes, so the file is not UTF-8 text (UTF-16 without a "
            + "byte-order mark, or a binary file?)", "UTF-16"));
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    CoderResult result = decoder.decode(in, CharBuffer.allocate(to - from + 1), true);
    if (result.isError()) {
      int at = in.position();
      return Optional.of(convert(String.format(Locale.ROOT, "%s is not UTF-8 text (byte 0x%02X at position %d is "
          + "not valid UTF-8; Latin-1 or Windows-1252?)", what, bytes[at] & 0xff, at - from + 1), "LATIN1"));
    }
    return Optional.empty();
  }

  private static String convert(String what, String encoding) {
    return what + "; ad reads UTF-8 (or ASCII): convert it, e.g. 'iconv -f " + encoding + " -t UTF-8 in > out'";
  }

  private static boolean startsWith(byte[] bytes, int from, int to, int... prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[from + i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

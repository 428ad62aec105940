package ad.core.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.UserException;
import ad.core.data.CsvSource;
import ad.core.data.DataContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers that are not UTF-8 text are named for what they are; wide headers cost linear time. */
class CsvReaderTest {
  private static final String TEXT = "a,b,label\n1,2,0\n3,4,1\n";

  @TempDir
  Path dir;

  @Test
  void utf16AndUtf32WithOrWithoutAByteOrderMarkAreNamed() {
    assertRefused(bytes("\uFEFF" + TEXT, StandardCharsets.UTF_16LE), "x.csv:1: the file is UTF-16 text (it starts "
        + "with a UTF-16 byte-order mark); ad reads UTF-8 (or ASCII): convert it, e.g. 'iconv -f UTF-16 -t UTF-8 in > "
        + "out'");
    assertRefused(bytes("\uFEFF" + TEXT, StandardCharsets.UTF_16BE), "x.csv:1: the file is UTF-16 text");
    assertRefused(bytes(TEXT, StandardCharsets.UTF_16LE), "x.csv:1: the header holds NUL bytes, so the file is not "
        + "UTF-8 text (UTF-16 without a byte-order mark, or a binary file?)");
    assertRefused(bytes("\uFEFF" + TEXT, Charset.forName("UTF-32LE")), "x.csv:1: the file is UTF-32 text");
    assertRefused(bytes("\uFEFF" + TEXT, Charset.forName("UTF-32BE")), "x.csv:1: the file is UTF-32 text");
  }

  @Test
  void latin1ZipAndBinaryHeadersAreNamed() {
    assertRefused(bytes("caf\u00e9,label\n1,0\n", StandardCharsets.ISO_8859_1), "x.csv:1: the header is not UTF-8 "
        + "text (byte 0xE9 at position 4 is not valid UTF-8; Latin-1 or Windows-1252?); ad reads UTF-8 (or ASCII): "
        + "convert it, e.g. 'iconv -f LATIN1 -t UTF-8 in > out'");
    assertRefused(new byte[] {'P', 'K', 3, 4, 20, 0, 8, 0, '\n'}, "x.csv:1: the file is a zip archive, not text");
    // A UTF-8 byte-order mark is fine, and so are UTF-8 names.
    CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes("\uFEFFcaf\u00e9,label\n1,0\n",
        StandardCharsets.UTF_8)), "x.csv");
    assertEquals(java.util.List.of("caf\u00e9", "label"), reader.header());
  }

  @Test
  void aHeaderOf300000ColumnsIsCheckedInLinearTimeAndNamedShortly() throws IOException {
    int columns = 300_000;
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < columns; i++) {
      header.append("feature_").append(i).append(',');
    }
    // A repeated name at the very end: the whole header is checked.
    Path twice = Files.writeString(dir.resolve("twice.csv"), header + "feature_7\n");
    long start = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    UserException e = assertThrows(UserException.class, () -> CsvReader.open(twice, "twice.csv"));
    assertEquals("twice.csv:1: the header names column 'feature_7' twice (columns 8 and 300001)", e.getMessage());

    // No label column: the message names the first columns and counts the rest.
    Path wide = Files.writeString(dir.resolve("wide.csv"), header + "last\n" + "1,".repeat(columns) + "1\n");
    UserException noLabel = assertThrows(UserException.class, () -> new CsvSource("wide.csv", null, null, null, null,
        null, null, null).load(new DataContext(dir, dir)));
    assertEquals("wide.csv: no label column 'label' (label_column); the columns are [feature_0, feature_1, feature_2, "
        + "feature_3, feature_4, feature_5, feature_6, feature_7, ... and 299,993 more]", noLabel.getMessage());
    double seconds = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - start) / 1e9;
    // Quadratic checks took 38 to 76 s here; linear ones take well under a second.
    assertTrue(seconds < 10, seconds + " CPU seconds");
  }

  private static byte[] bytes(String text, Charset charset) {
    return text.getBytes(charset);
  }

  private static void assertRefused(byte[] content, String expected) {
    UserException e = assertThrows(UserException.class, () -> CsvReader.open(new ByteArrayInputStream(content), "x.csv"));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }
}

package ad.core.data.csv;

import ad.core.UserException;
import ad.core.data.DataFiles;
import ad.core.data.FileProblems;
import ad.core.data.TextEncoding;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the simple CSV of the data folder (comma separated, one header row, no quoting, {@code \n}
 * or {@code \r\n} line ends, plain or gzip) line by line over a byte buffer.
 *
 * <p>Why not a CSV library: ad-core depends on the JDK only, and this format needs none of what a
 * library adds (quotes, escapes, embedded newlines); in exchange, cells are never turned into
 * strings: numbers are parsed from the bytes ({@link Numbers}) and repeated strings are interned by
 * {@link ByteTable}, which is what makes a 500k-row file load in about a second. A quoted cell is
 * refused with a clear message rather than misread. Blank lines are skipped.
 *
 * <p>Every error names the file as the user wrote it and the 1-based line (the header is line 1). A
 * header that is not UTF-8 text (UTF-16 or UTF-32 with or without a byte-order mark, a zip archive,
 * another binary file, Latin-1 names) is refused with what it looks like and how to convert it, rather
 * than read as garbled column names. Columns are found by name through a hash index, so a header of
 * 300,000 columns costs no more than reading it.
 */
public final class CsvReader implements Closeable {
  private final String displayName;
  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private long line;
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int fields;
  private List<String> header;
  private Map<String, Integer> columnIndex;
  /** A line longer than this is not CSV (a binary file without line breaks?): refused, not buffered. */
  static final int MAX_LINE_BYTES = 1 << 28;

  private CsvReader(String displayName, InputStream in) {
    this.displayName = displayName;
    this.in = in;
  }

  /**
   * Opens {@code file} and reads its header.
   *
   * @param displayName how messages name the file, e.g. the path as written in the spec
   */
  public static CsvReader open(Path file, String displayName) {
    try {
      return open(DataFiles.open(file), displayName);
    } catch (IOException e) {
      throw new UserException("cannot read '" + displayName + "': " + FileProblems.reason(e), e);
    }
  }

  /**
   * Reads the header from {@code in}, already unzipped (see {@link DataFiles#decompressed}): standard
   * input or a pipe, read once. The reader closes {@code in}.
   */
  public static CsvReader open(InputStream in, String displayName) {
    CsvReader reader = new CsvReader(displayName, in);
    try {
      reader.readHeader();
      return reader;
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  private void readHeader() {
    if (!next()) {
      throw new UserException(displayName + ": the file is empty (expected a header row)");
    }
    // The header must be UTF-8 text; a file in another encoding is named for what it is.
    TextEncoding.problem(buf, starts[0], ends[fields - 1], "the header", line == 1).ifPresent(problem -> {
      throw error(problem);
    });
    List<String> names = new ArrayList<>(fields);
    Map<String, Integer> index = new HashMap<>(2 * fields);
    for (int f = 0; f < fields; f++) {
      String name = text(f).strip();
      if (f == 0 && name.startsWith("\uFEFF")) {
        // A byte-order mark some editors write at the start of UTF-8 files.
        name = name.substring(1).strip();
        if (name.startsWith("\"")) {
          // split() looks for a quote at the first byte of a field, which is the mark's here.
          throw error("quoted fields are not supported (field 1)");
        }
      }
      if (name.isEmpty()) {
        throw error("column " + (f + 1) + " of the header has no name");
      }
      Integer earlier = index.putIfAbsent(name, f);
      if (earlier != null) {
        throw error("the header names column '" + name + "' twice (columns " + (earlier + 1) + " and " + (f + 1)
            + ")");
      }
      names.add(name);
    }
    header = List.copyOf(names);
    columnIndex = index;
  }

  /** The column names of the header row. */
  public List<String> header() {
    return header;
  }

  /** The index of column {@code name} in the header, or -1. */
  public int column(String name) {
    return columnIndex.getOrDefault(name, -1);
  }

  public String displayName() {
    return displayName;
  }

  /** Advances to the next non-blank line; false at the end of the file. */
  public boolean next() {
    while (true) {
      int newline = findNewline();
      if (newline < 0) {
        return false;
      }
      line++;
      int end = newline;
      if (end > pos && buf[end - 1] == '\r') {
        end--;
      }
      int start = pos;
      pos = Math.min(newline + 1, limit);
      if (end > start) {
        split(start, end);
        return true;
      }
    }
  }

  /** The number of fields in the current line. */
  public int fieldCount() {
    return fields;
  }

  /** The 1-based line number of the current line. */
  public long line() {
    return line;
  }

  /** Fails unless the current line has as many fields as the header. */
  public void requireHeaderWidth() {
    if (fields != header.size()) {
      throw error("expected " + header.size() + " comma-separated fields like the header, got "
          + fields);
    }
  }

  /**
   * The number in field {@code field}.
   *
   * @throws UserException for a cell that is not a finite number in float range
   */
  public float number(int field) {
    float value = Numbers.parseFloat(buf, starts[field], ends[field]);
    if (!Float.isFinite(value)) {
      String cell = text(field);
      throw error("column '" + header.get(field) + "' expected a number, got '" + cell + "'"
          + (Float.isNaN(value) ? "" : " (outside the range of a 32-bit float)"));
    }
    return value;
  }

  /** The code of field {@code field} in {@code table}, interning it when new. */
  public int code(int field, ByteTable table) {
    return table.code(buf, starts[field], ends[field]);
  }

  /** Field {@code field} as a string (allocates: for headers and messages). */
  public String text(int field) {
    return new String(buf, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
  }

  /** An error located at the current line: {@code file:line: message}. */
  public UserException error(String message) {
    return new UserException(displayName + ":" + line + ": " + message);
  }

  private void split(int start, int end) {
    fields = 0;
    int fieldStart = start;
    for (int i = start; i <= end; i++) {
      if (i == end || buf[i] == ',') {
        if (fields == starts.length) {
          starts = Arrays.copyOf(starts, fields * 2);
          ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = fieldStart;
        ends[fields] = i;
        fields++;
        fieldStart = i + 1;
      } else if (buf[i] == '"' && i == fieldStart) {
        throw error("quoted fields are not supported (field " + (fields + 1) + ")");
      }
    }
  }

  /**
   * The index of the next '\n' at or after {@code pos}, reading more input as needed; at the end of
   * input an unterminated last line counts as ending at {@code limit}. -1 when nothing is left.
   */
  private int findNewline() {
    int scanFrom = pos;
    while (true) {
      for (int i = scanFrom; i < limit; i++) {
        if (buf[i] == '\n') {
          return i;
        }
      }
      if (eof) {
        return pos < limit ? limit : -1;
      }
      int kept = limit - pos;
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, kept);
      } else if (kept == buf.length) {
        if (buf.length >= MAX_LINE_BYTES) {
          throw new UserException(displayName + ":" + (line + 1) + ": the line is longer than "
              + (MAX_LINE_BYTES >> 20) + " MiB: not a CSV file with line breaks?");
        }
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      pos = 0;
      limit = kept;
      scanFrom = kept;
      fill();
    }
  }

  private void fill() {
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      // A truncated or corrupt gzip stream is a problem with the user's file, not a bug.
      throw new UserException(displayName + ":" + (line + 1) + ": cannot read the file: "
          + (e instanceof java.io.EOFException ? "it ends unexpectedly (a truncated gzip file?)"
          : FileProblems.reason(e)), e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Nothing was written; a failing close of an input file loses nothing.
    }
  }
}

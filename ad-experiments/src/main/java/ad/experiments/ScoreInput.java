package ad.experiments;

import ad.core.UserException;
import ad.core.data.DataFiles;
import ad.core.data.FileProblems;
import ad.core.data.IdxImageReader;
import ad.core.data.ReadableFile;
import ad.core.data.csv.CsvReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The input of {@code ad score}, opened once: a file, a named pipe, {@code /dev/stdin}, or standard
 * input itself ({@code -}). Gzip and IDX images are recognised by their first bytes, which are looked
 * at without being consumed, so that a stream that can be read only once is still read whole.
 */
final class ScoreInput implements Closeable {
  /** The name that stands for standard input, as in most Unix tools. */
  static final String STDIN = "-";

  private final InputStream in;
  private final String displayName;
  private final boolean images;

  private ScoreInput(InputStream in, String displayName) throws IOException {
    this.in = in;
    this.displayName = displayName;
    this.images = IdxImageReader.isImageStream(in);
  }

  static boolean isStdin(Path input) {
    return input.toString().equals(STDIN);
  }

  /** Opens {@code input}, standard input for {@code -}; a missing or unreadable file is named with the reason. */
  static ScoreInput open(Path input) {
    boolean stdin = isStdin(input);
    String name = stdin ? "standard input" : input.toString();
    if (!stdin) {
      ReadableFile.requireReadable(input, "input file", "");
    }
    try {
      InputStream in = stdin ? DataFiles.decompressed(System.in) : DataFiles.open(input);
      return new ScoreInput(in, name);
    } catch (IOException e) {
      throw new UserException("cannot read " + name + ": " + (e instanceof java.io.EOFException
          ? "it ends inside its gzip header" : FileProblems.reason(e)), e);
    }
  }

  String displayName() {
    return displayName;
  }

  /** True when the input starts with the IDX image magic number (after gzip). */
  boolean isImages() {
    return images;
  }

  /** The input as CSV; the reader now owns the stream. */
  CsvReader csv() {
    return CsvReader.open(in, displayName);
  }

  /** The input as IDX images; the reader now owns the stream. */
  IdxImageReader images() {
    return IdxImageReader.open(in, displayName);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // An input: closing it cannot lose anything.
    }
  }
}

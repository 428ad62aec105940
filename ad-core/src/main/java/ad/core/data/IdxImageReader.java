package ad.core.data;

import ad.core.UserException;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams the images of an IDX image file (gzip or plain) a few at a time, pixels scaled to [0, 1]
 * as {@link IdxImageSource} does, so that scoring a large file keeps memory bounded.
 */
public final class IdxImageReader implements Closeable {
  /** The magic number of IDX image files (unsigned bytes, 3 dimensions). */
  public static final int IMAGES_MAGIC = 2051;

  private final String displayName;
  private final DataInputStream in;
  private final int count;
  private final int height;
  private final int width;
  private final byte[] image;
  private int read;

  private IdxImageReader(String displayName, DataInputStream in, int count, int height, int width) {
    this.displayName = displayName;
    this.in = in;
    this.count = count;
    this.height = height;
    this.width = width;
    this.image = new byte[height * width];
  }

  /** Whether {@code file} starts (after gzip, if zipped) with the IDX image magic number. */
  public static boolean isImageFile(Path file) {
    try (InputStream in = DataFiles.open(file)) {
      return isImageStream(in);
    } catch (IOException e) {
      // Too short, or not gzip after all: not an IDX file; the CSV reader reports what is wrong.
      return false;
    }
  }

  /**
   * Whether {@code in} (unzipped, supporting {@link InputStream#mark}, as {@link DataFiles#decompressed}
   * gives it) starts with the IDX image magic number; the stream is left where it was, so that a stream
   * read once (standard input, a pipe) can then be read as images or as CSV.
   */
  public static boolean isImageStream(InputStream in) throws IOException {
    if (!in.markSupported()) {
      throw new IllegalArgumentException("the stream must support mark/reset");
    }
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    return head.length == 4 && ((head[0] & 0xff) << 24 | (head[1] & 0xff) << 16 | (head[2] & 0xff) << 8
        | (head[3] & 0xff)) == IMAGES_MAGIC;
  }

  /**
   * Opens {@code file} and reads its header.
   *
   * @param displayName how messages name the file
   */
  public static IdxImageReader open(Path file, String displayName) {
    try {
      return open(DataFiles.open(file), displayName);
    } catch (IOException e) {
      throw new UserException("cannot read '" + displayName + "': " + FileProblems.reason(e), e);
    }
  }

  /** Reads the header from {@code in} (unzipped); the reader closes {@code in}. */
  public static IdxImageReader open(InputStream raw, String displayName) {
    DataInputStream in = null;
    try {
      in = new DataInputStream(raw);
      int magic = in.readInt();
      if (magic != IMAGES_MAGIC) {
        throw new UserException(displayName + ": not an IDX image file (magic number " + magic
            + ", expected " + IMAGES_MAGIC + ")");
      }
      int count = in.readInt();
      int height = in.readInt();
      int width = in.readInt();
      if (count < 0 || height <= 0 || width <= 0 || (long) height * width > Integer.MAX_VALUE / 8) {
        throw new UserException(displayName + ": bad IDX header: " + count + " images of " + height + "x"
            + width);
      }
      return new IdxImageReader(displayName, in, count, height, width);
    } catch (IOException | RuntimeException e) {
      closeQuietly(in != null ? in : raw);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new UserException(displayName + ": cannot read the IDX header"
          + (e instanceof EOFException ? ": the file ends inside it" : ": " + FileProblems.reason((IOException) e)), e);
    }
  }

  public int count() {
    return count;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /**
   * Reads up to {@code max} next images into {@code into} (row-major, {@code height * width} floats
   * each).
   *
   * @return the number of images read, 0 once all were read
   */
  public int read(float[] into, int max) {
    int n = Math.min(max, count - read);
    int size = image.length;
    for (int i = 0; i < n; i++) {
      try {
        in.readFully(image);
      } catch (EOFException e) {
        throw new UserException(displayName + ": the file ends at image " + (read + 1) + " of " + count
            + " (truncated?)", e);
      } catch (IOException e) {
        throw new UserException(displayName + ": cannot read image " + (read + 1) + ": " + FileProblems.reason(e), e);
      }
      for (int p = 0; p < size; p++) {
        into[i * size + p] = (image[p] & 0xff) / 255f;
      }
      read++;
    }
    return n;
  }

  @Override
  public void close() {
    closeQuietly(in);
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // An input file: a failing close loses nothing.
      }
    }
  }
}

package ad.eval.pipeline;

import ad.core.UserException;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/** Component state as zip entries: {@code <prefix><key>.<kind>}, raw little-endian or UTF-8. */
final class StateEntries {
  private static final Pattern KEY = Pattern.compile("[a-z0-9_][a-z0-9_./-]*");

  private StateEntries() {}

  static final class Writer implements StateWriter {
    private final String prefix;
    private final Map<String, byte[]> entries;
    private int formatVersion = 1;

    Writer(String prefix, Map<String, byte[]> entries) {
      this.prefix = prefix;
      this.entries = entries;
    }

    @Override
    public void floats(String key, float[] values) {
      ByteBuffer b = buffer(4L * values.length);
      b.asFloatBuffer().put(values);
      put(key, "f32", b.array());
    }

    @Override
    public void doubles(String key, double[] values) {
      ByteBuffer b = buffer(8L * values.length);
      b.asDoubleBuffer().put(values);
      put(key, "f64", b.array());
    }

    @Override
    public void ints(String key, int[] values) {
      ByteBuffer b = buffer(4L * values.length);
      b.asIntBuffer().put(values);
      put(key, "i32", b.array());
    }

    @Override
    public void text(String key, String value) {
      put(key, "txt", value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void requireFormatVersion(int version) {
      formatVersion = Math.max(formatVersion, version);
    }

    /** The oldest file-format version that reads what was written (see {@link #requireFormatVersion}). */
    int formatVersion() {
      return formatVersion;
    }

    private void put(String key, String kind, byte[] bytes) {
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("state key must match " + KEY + ": " + key);
      }
      if (entries.putIfAbsent(prefix + key + "." + kind, bytes) != null) {
        throw new IllegalArgumentException("state key written twice: " + key);
      }
    }

    private static ByteBuffer buffer(long size) {
      if (size > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("a state value of " + size + " bytes is too large");
      }
      return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  static final class Reader implements StateReader {
    private final Path file;
    private final String prefix;
    private final Map<String, byte[]> entries;

    Reader(Path file, String prefix, Map<String, byte[]> entries) {
      this.file = file;
      this.prefix = prefix;
      this.entries = entries;
    }

    @Override
    public float[] floats(String key) {
      ByteBuffer b = bytes(key, "f32", 4);
      float[] out = new float[b.remaining() / 4];
      b.asFloatBuffer().get(out);
      return out;
    }

    @Override
    public double[] doubles(String key) {
      ByteBuffer b = bytes(key, "f64", 8);
      double[] out = new double[b.remaining() / 8];
      b.asDoubleBuffer().get(out);
      return out;
    }

    @Override
    public int[] ints(String key) {
      ByteBuffer b = bytes(key, "i32", 4);
      int[] out = new int[b.remaining() / 4];
      b.asIntBuffer().get(out);
      return out;
    }

    @Override
    public String text(String key) {
      return new String(bytes(key, "txt", 1).array(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean contains(String key) {
      for (String kind : new String[] {"f32", "f64", "i32", "txt"}) {
        if (entries.containsKey(prefix + key + "." + kind)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public UserException corrupt(String problem) {
      return new UserException(file + " is corrupt: " + problem);
    }

    @Override
    public UserException outdated(String problem) {
      return new UserException(file + ": " + problem);
    }

    private ByteBuffer bytes(String key, String kind, int width) {
      byte[] bytes = entries.get(prefix + key + "." + kind);
      if (bytes == null) {
        throw corrupt("it lacks '" + prefix + key + "." + kind + "'");
      }
      if (bytes.length % width != 0) {
        throw corrupt("'" + prefix + key + "." + kind + "' has " + bytes.length + " bytes, not a multiple of "
            + width);
      }
      return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}

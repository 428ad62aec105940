package ad.core.data.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interns the distinct byte strings of one column as codes 0, 1, 2, ... in order of first appearance.
 * A column of 500k cells with 66 distinct values costs one hash and one short compare per cell, and
 * 66 strings.
 */
public final class ByteTable {
  private byte[][] keys = new byte[16][];
  private int[] codes = new int[16];
  private final List<String> levels = new ArrayList<>();

  /** The code of {@code b[from, to)}, adding it when new. */
  public int code(byte[] b, int from, int to) {
    int mask = keys.length - 1;
    int slot = hash(b, from, to) & mask;
    while (keys[slot] != null) {
      if (Arrays.equals(keys[slot], 0, keys[slot].length, b, from, to)) {
        return codes[slot];
      }
      slot = (slot + 1) & mask;
    }
    int code = levels.size();
    keys[slot] = Arrays.copyOfRange(b, from, to);
    codes[slot] = code;
    levels.add(new String(b, from, to - from, StandardCharsets.UTF_8));
    if (levels.size() * 2 > keys.length) {
      grow();
    }
    return code;
  }

  /** The distinct values so far; {@code levels().get(code)} is the value of a code. */
  public List<String> levels() {
    return List.copyOf(levels);
  }

  public int size() {
    return levels.size();
  }

  private void grow() {
    byte[][] oldKeys = keys;
    int[] oldCodes = codes;
    keys = new byte[oldKeys.length * 2][];
    codes = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = hash(oldKeys[i], 0, oldKeys[i].length) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        codes[slot] = oldCodes[i];
      }
    }
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h ^ (h >>> 16);
  }
}

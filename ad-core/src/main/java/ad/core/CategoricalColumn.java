package ad.core;

import java.util.List;
import java.util.Objects;

/**
 * One string-valued column of a {@link Dataset}, kept as small integer codes into {@code levels}
 * (the distinct values in order of first appearance) so that a 500k-row file holds one int per cell,
 * not one string.
 */
public final class CategoricalColumn implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final List<String> levels;
  private final int[] codes;

  /** Takes ownership of {@code codes}; each must index {@code levels}. */
  public CategoricalColumn(String name, List<String> levels, int[] codes) {
    this.name = Objects.requireNonNull(name, "name");
    this.levels = List.copyOf(levels);
    for (int c : codes) {
      if (c < 0 || c >= this.levels.size()) {
        throw new IllegalArgumentException("categorical column '" + name + "': code " + c
            + " outside its " + this.levels.size() + " levels");
      }
    }
    this.codes = codes;
  }

  public String name() {
    return name;
  }

  /** The distinct values; a row's value is {@code levels().get(code(row))}. */
  public List<String> levels() {
    return levels;
  }

  public int rows() {
    return codes.length;
  }

  public int code(int row) {
    return codes[row];
  }

  public String value(int row) {
    return levels.get(codes[row]);
  }

  CategoricalColumn select(int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = codes[indices[i]];
    }
    return new CategoricalColumn(name, levels, out);
  }

  @Override
  public String toString() {
    return "CategoricalColumn[" + name + ", " + levels.size() + " levels, " + codes.length + " rows]";
  }
}

package ad.models.baseline;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a kNN model finds the neighbours: the option {@code algorithm} of {@link KnnOptions}. Every
 * choice gives the same scores, bit for bit; they differ only in speed.
 */
public enum KnnAlgorithm {
  /** {@link #KD_TREE} up to {@link KnnOptions#KD_TREE_MAX_COLUMNS} columns, else {@link #BRUTE}. */
  AUTO,
  /** A KD-tree: fast for few columns. */
  KD_TREE,
  /** Every query against every training row, in blocked matrix products on OpenBLAS. */
  BRUTE;

  /** The name in YAML and in saved options. */
  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

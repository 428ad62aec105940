package ad.models.baseline;

import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.Positive;

/**
 * Options of {@link KnnDetector}, bound from YAML (keys in snake_case). A null field takes its default.
 *
 * @param k the neighbours that make a row's score; default 5, as in PyOD and ADBench. The training
 *     part must have more than {@code k} rows (a training row's own neighbours leave it out, see
 *     {@link KnnDetector})
 * @param score {@code largest} (the default): the distance to the k-th nearest training row,
 *     Ramaswamy, Rastogi and Shim (2000); or {@code mean}: the mean distance to the k nearest, the
 *     "weight" of Angiulli and Pizzuti (2002) divided by k, which ranks the same and is less noisy
 *     when neighbours are unevenly spaced
 * @param algorithm how the neighbours are found; every choice gives the same scores, bit for bit, and
 *     differs only in speed: {@code kd_tree} (a KD-tree, fast for few columns), {@code brute}
 *     (every query against every training row, blocked matrix products on OpenBLAS), or
 *     {@code auto} (the default: {@code kd_tree} up to {@link #KD_TREE_MAX_COLUMNS} columns, as
 *     scikit-learn chooses, else {@code brute})
 */
public record KnnOptions(
    @JsonPropertyDescription("the neighbours that make a row's score; the training part must have more rows")
    @Positive Integer k,
    @JsonPropertyDescription("largest: the distance to the k-th nearest training row (Ramaswamy et al. 2000); "
        + "mean: the mean distance to the k nearest (Angiulli and Pizzuti 2002)")
    KnnScore score,
    @JsonPropertyDescription("how neighbours are found (same scores, only speed differs): kd_tree, brute "
        + "(blocked matrix products), or auto (kd_tree up to 15 columns)")
    KnnAlgorithm algorithm) {

  /** Above this many columns a KD-tree prunes too little to beat blocked products (scikit-learn's rule). */
  public static final int KD_TREE_MAX_COLUMNS = 15;

  public KnnOptions {
    k = Options.positive("k", Options.orDefault(k, 5));
    score = Options.orDefault(score, KnnScore.LARGEST);
    algorithm = Options.orDefault(algorithm, KnnAlgorithm.AUTO);
  }

  /** k = 5, the distance to the 5th nearest training row, the search chosen by width. */
  public static KnnOptions defaults() {
    return new KnnOptions(null, null, null);
  }

  boolean mean() {
    return score == KnnScore.MEAN;
  }

  /** Whether rows {@code columns} wide are searched with the KD-tree. */
  boolean kdTree(int columns) {
    return algorithm == KnnAlgorithm.KD_TREE || algorithm == KnnAlgorithm.AUTO && columns <= KD_TREE_MAX_COLUMNS;
  }
}

package ad.eval.pipeline;

import ad.core.Dataset;
import ad.core.FeatureErrors;
import ad.core.Threshold;
import java.util.Map;
import java.util.Optional;

/**
 * One batch of raw rows scored by a pipeline: each row's score, its decision by a threshold, its
 * count of categorical values training never showed, and the features with the largest errors behind
 * its score. What every row scorer writes out, whatever the output (CSV lines, Spark rows).
 *
 * @param scores one per row; higher = more anomalous
 * @param anomalous one per row, by the threshold the batch was scored with
 * @param prepared the rows encoded, scaled and shaped, with their unseen categorical values
 * @param errors per-feature errors when top-k features were asked for and the model explains its
 *     scores, else empty
 * @param topK the number of top features per row (0 when {@code errors} is empty)
 */
public record ScoredBatch(double[] scores, boolean[] anomalous, Pipeline.Prepared prepared,
    Optional<FeatureErrors> errors, int topK) {

  /**
   * Scores {@code raw} (rows as the pipeline reads them: numeric values and categorical columns).
   *
   * @param topK features to explain each score with; 0 for none (the model is then not asked to explain)
   */
  public static ScoredBatch of(Pipeline pipeline, Threshold threshold, Dataset raw, int topK) {
    Pipeline.Prepared prepared = pipeline.prepare(raw);
    double[] scores = pipeline.model().score(prepared.features()).values();
    boolean[] anomalous = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      anomalous[i] = threshold.isAnomalous(scores[i]);
    }
    Optional<FeatureErrors> errors = topK > 0 ? pipeline.model().explain(prepared.features()) : Optional.empty();
    return new ScoredBatch(scores, anomalous, prepared, errors,
        errors.isPresent() ? Math.min(topK, errors.get().columns()) : 0);
  }

  public int rows() {
    return scores.length;
  }

  /** The number of rows flagged anomalous. */
  public long flagged() {
    long n = 0;
    for (boolean a : anomalous) {
      n += a ? 1 : 0;
    }
    return n;
  }

  /** The number of row {@code row}'s categorical values that training never showed. */
  public int unseenInRow(int row) {
    return prepared.unseenInRow(row);
  }

  /** Per categorical column, the rows of this batch whose value training never showed. */
  public Map<String, Integer> unseen() {
    return prepared.unseen();
  }

  /**
   * The indices of row {@code row}'s {@link #topK()} features with the largest errors, largest first
   * (of equal errors the lower index first), into {@code top}, which holds {@code topK()} indices.
   */
  public void topFeatures(int row, int[] top) {
    FeatureErrors e = errors.orElseThrow();
    TopK.largest(e.columns(), f -> e.get(row, f), top);
  }

  /** The name of feature {@code feature}, as top-k columns name it (one-hot features as {@code column=value}). */
  public String featureName(int feature) {
    return errors.orElseThrow().featureNames().get(feature);
  }

  /** Row {@code row}'s error on feature {@code feature}. */
  public float error(int row, int feature) {
    return errors.orElseThrow().get(row, feature);
  }
}

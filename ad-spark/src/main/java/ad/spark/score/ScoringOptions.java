package ad.spark.score;

import ad.core.UserException;
import ad.eval.pipeline.StreamingScorer;
import java.io.Serializable;

/**
 * How rows are scored: which saved threshold decides {@code anomalous}, how many top features explain
 * each score, and how many rows a task scores at once.
 *
 * @param threshold the name of a threshold saved in the pipeline, or null for its first (default) one
 * @param topK features with the largest errors to add per row (0 for none); fewer when the model has
 *     fewer features, none when the model cannot explain its scores
 * @param batchRows rows a task hands the model at once: larger batches amortise the engine's per-call
 *     cost, smaller ones hold less memory per task
 */
public record ScoringOptions(String threshold, int topK, int batchRows) implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Rows scored at once by default, as {@code ad score}. */
  public static final int DEFAULT_BATCH = StreamingScorer.DEFAULT_BATCH;
  /** Top features per row by default, as {@code ad score}. */
  public static final int DEFAULT_TOP_K = StreamingScorer.DEFAULT_TOP_K;

  public ScoringOptions {
    if (batchRows < 1 || topK < 0) {
      throw new UserException("batch size must be >= 1 and top-k >= 0, got " + batchRows + " and " + topK);
    }
  }

  /** The default threshold, three top features, batches of {@value #DEFAULT_BATCH} rows. */
  public static ScoringOptions defaults() {
    return new ScoringOptions(null, DEFAULT_TOP_K, DEFAULT_BATCH);
  }

  public ScoringOptions withThreshold(String name) {
    return new ScoringOptions(name, topK, batchRows);
  }

  public ScoringOptions withTopK(int k) {
    return new ScoringOptions(threshold, k, batchRows);
  }

  public ScoringOptions withBatchRows(int rows) {
    return new ScoringOptions(threshold, topK, rows);
  }
}

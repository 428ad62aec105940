/**
 * Scoring Spark tables with a saved pipeline: {@link ad.spark.score.SparkScoring} adds score columns
 * to a {@code Dataset<Row>}; {@link ad.spark.score.ScoreJob} is {@code ad score --spark} (a table in,
 * Parquet out). The pipeline file's bytes are broadcast and loaded once per executor JVM
 * ({@link ad.spark.score.ShippedPipeline}); rows are scored in batches by ad-eval's
 * {@link ad.eval.pipeline.ScoredBatch}, the code {@code ad score} uses, so both give the same values.
 */
package ad.spark.score;

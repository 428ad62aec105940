/**
 * The Spark workloads of {@code ad bench} ({@code spark-score}, {@code spark-score-5m}) and the
 * seeded synthetic table and pipeline they and the tests use.
 */
package ad.spark.bench;

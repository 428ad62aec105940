/**
 * ad on Apache Spark: the {@code ad} commands that run on a cluster ({@link ad.spark.SparkMain}, the
 * main class for the launcher's {@code --spark} and for {@code spark-submit}) and the sessions they
 * start. Nothing in ad depends on this module: Spark's dependencies are fetched only when it is
 * built.
 */
package ad.spark;

/**
 * A test harness that starts a real Spark standalone cluster (Master and Worker in JVMs of their
 * own, on 127.0.0.1) from the jars the build resolved, and submits applications to it with
 * spark-submit. For integration tests ({@code *IT}, run by failsafe after the package phase).
 */
package ad.spark.cluster;

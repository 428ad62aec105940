package ad.spark.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Spark "installation" made of what the Maven build resolved, as {@code $SPARK_HOME/jars}: Spark's
 * jars ({@code target/spark}, copied by the build) and ad's third-party libraries ({@code target/lib}
 * without ad's own jars). ad's own jars ({@link #adJars()}) and the application jar are what an
 * application ships with {@code --jars}, exactly as on a real cluster, so the tests see ad's classes
 * and registry entries arrive through Spark's class loaders.
 *
 * @param home the folder playing {@code $SPARK_HOME}, with {@code jars/} linking to the jars
 * @param target the module's build folder (holding {@code ad-spark.jar}, {@code lib/}, {@code spark/})
 */
public record SparkInstall(Path home, Path target) {
  /** What Spark needs opened on Java 17, for every JVM the cluster starts. */
  public static final List<String> JAVA_OPTIONS = List.of(
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

  /**
   * Links the jars of {@code target} (default {@code target/}; the module must be packaged, as it is
   * when failsafe runs) into {@code home/jars}.
   *
   * @throws IllegalStateException when the build has not packaged the module yet
   */
  public static SparkInstall fromBuild(Path target, Path home) throws IOException {
    Path spark = target.resolve("spark");
    Path lib = target.resolve("lib");
    if (!Files.isDirectory(spark) || !Files.isDirectory(lib) || !Files.isRegularFile(target.resolve("ad-spark.jar"))) {
      throw new IllegalStateException(target.toAbsolutePath() + " lacks ad-spark.jar, lib/ or spark/: run the tests "
          + "with 'mvn verify' (the package phase makes them)");
    }
    Path jars = home.resolve("jars");
    Files.createDirectories(jars);
    for (Path jar : Stream.concat(list(spark).stream(), list(lib).stream().filter(j -> !isAd(j))).toList()) {
      Path link = jars.resolve(jar.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, jar.toAbsolutePath());
      }
    }
    // Spark's launcher (which the Worker uses to build executor command lines) takes $SPARK_HOME/jars
    // only from a release layout, marked by this file; otherwise it looks for a source build's folders.
    Files.writeString(home.resolve("RELEASE"), "Spark's jars as resolved by ad-spark's Maven build\n");
    return new SparkInstall(home.toAbsolutePath(), target.toAbsolutePath());
  }

  /** The application jar: ad-spark, with {@code ad.spark.SparkMain}. */
  public Path appJar() {
    return target.resolve("ad-spark.jar");
  }

  /** ad's own library jars (ad-core, ad-models, ad-eval, ad-experiments), for {@code --jars}. */
  public List<Path> adJars() throws IOException {
    return list(target.resolve("lib")).stream().filter(SparkInstall::isAd).toList();
  }

  private static boolean isAd(Path jar) {
    return jar.getFileName().toString().matches("ad-(core|models|eval|experiments)-.*\\.jar");
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".jar")).sorted().map(Path::toAbsolutePath).toList();
    }
  }
}

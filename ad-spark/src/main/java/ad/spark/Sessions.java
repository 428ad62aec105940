package ad.spark;

import ad.core.UserException;
import org.apache.spark.sql.SparkSession;

/**
 * Spark sessions as ad starts them: the master from {@code --spark} (or from spark-submit's
 * {@code --master}), and executors that run the native BLAS on one thread per task, as the ad launcher
 * does for a local run (several tasks share an executor's cores; see STACK.md on threads).
 */
public final class Sessions {
  private Sessions() {}

  /**
   * A session for {@code master}, or for the master spark-submit set when {@code master} is null.
   *
   * @throws UserException when no master is given either way
   */
  public static SparkSession start(String master, String appName) {
    if (master == null && System.getProperty("spark.master") == null) {
      throw new UserException("say where to run: --spark local[N] (N cores of this machine), --spark "
          + "spark://HOST:PORT (a standalone cluster), or submit ad-spark's jar with spark-submit --master");
    }
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (master != null) {
      builder.master(master);
    }
    if (System.getProperty("spark.executorEnv.OMP_NUM_THREADS") == null) {
      builder.config("spark.executorEnv.OMP_NUM_THREADS", "1");
    }
    if (System.getProperty("spark.executor.extraJavaOptions") == null) {
      // As the ad launcher runs ad: the conv engine's vector kernels (without them its scores differ in
      // the last bits from a local run's), and charts drawn without a display.
      builder.config("spark.executor.extraJavaOptions", "--add-modules jdk.incubator.vector -Djava.awt.headless=true");
    }
    if (System.getProperty("spark.ui.showConsoleProgress") == null) {
      // A progress bar for people at a terminal; none in logs and tests.
      builder.config("spark.ui.showConsoleProgress", Boolean.toString(System.console() != null));
    }
    try {
      return builder.getOrCreate();
    } catch (RuntimeException e) {
      if (e.getMessage() != null && e.getMessage().contains("master URL")) {
        throw new UserException("cannot start Spark with master '" + master + "': " + e.getMessage());
      }
      throw e;
    }
  }
}

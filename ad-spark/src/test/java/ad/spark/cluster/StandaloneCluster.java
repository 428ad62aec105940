package ad.spark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1 for integration tests: a Master and a Worker, each its
 * own JVM started from the jars the Maven build resolved, on free ports, with a work folder under
 * {@code target/} whose logs are kept after the test ({@code master.log}, {@code worker.log}, each
 * executor's {@code worker/app-.../N/stderr}, each submission's {@code submit-N.log}).
 *
 * <p>The "Spark installation" is {@link SparkInstall}: Spark's jars and the third-party libraries of
 * ad, but not ad itself, which each application ships with {@code --jars} as on a real cluster.
 * Applications are submitted with {@code spark-submit} (its main class, {@code SparkSubmit}, in a JVM
 * of its own, client mode), so the driver runs as users run it.
 *
 * <p>Torn down by {@link #close()} (the Worker first, which stops its executors; whatever is left of
 * the process trees is then killed), and by a shutdown hook if the test JVM exits without closing it,
 * so that a failed test leaves no JVM behind.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  /**
   * Sizes of the cluster; small by default (the CI machine has 2 cores shared with the build).
   *
   * @param workerCores cores the Worker offers
   * @param workerMemory memory the Worker offers to executors, e.g. {@code 1g}
   * @param executorMemory each executor's heap, e.g. {@code 768m}
   */
  public record Options(int workerCores, String workerMemory, String executorMemory) {
    public static Options small() {
      return new Options(2, "1g", "768m");
    }
  }

  /** How a submission ended: its exit status and the log of its driver. */
  public record Submission(int exitStatus, Path log, Duration wall) {
    public String output() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final SparkInstall install;
  private final Path work;
  private final Options options;
  private final String masterUrl;
  private final List<Process> daemons = new ArrayList<>();
  private final Thread hook;
  private int submissions;
  private boolean closed;

  private StandaloneCluster(SparkInstall install, Path work, Options options, String masterUrl) {
    this.install = install;
    this.work = work;
    this.options = options;
    this.masterUrl = masterUrl;
    this.hook = new Thread(this::stopAll, "stop-spark-test-cluster");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts a Master and a Worker and waits until the Worker has registered.
   *
   * @param name names the work folder {@code target/spark-cluster/<name>-<time>}
   */
  public static StandaloneCluster start(SparkInstall install, String name, Options options) throws IOException {
    Path work = Path.of("target", "spark-cluster",
        name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))).toAbsolutePath();
    Files.createDirectories(work);
    int masterPort = freePort();
    StandaloneCluster cluster = new StandaloneCluster(install, work, options, "spark://127.0.0.1:" + masterPort);
    try {
      Path masterLog = work.resolve("master.log");
      cluster.daemons.add(cluster.daemon(masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(freePort())));
      cluster.await(masterLog, "I have been elected leader", "the Master");
      Path workerDir = work.resolve("worker");
      Files.createDirectories(workerDir);
      cluster.daemons.add(cluster.daemon(work.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker",
          cluster.masterUrl, "--host", "127.0.0.1", "--port", Integer.toString(freePort()), "--webui-port",
          Integer.toString(freePort()), "--cores", Integer.toString(options.workerCores()), "--memory",
          options.workerMemory(), "--work-dir", workerDir.toString()));
      cluster.await(masterLog, "Registering worker 127.0.0.1", "the Worker's registration");
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  public String masterUrl() {
    return masterUrl;
  }

  /** The folder with the logs and the Worker's executor folders. */
  public Path work() {
    return work;
  }

  /**
   * Runs {@code spark-submit --master <this cluster> --class mainClass --jars jars appJar args} and
   * waits for it to end.
   *
   * @param conf extra {@code --conf key=value} settings
   */
  public Submission submit(String mainClass, Path appJar, List<Path> jars, Map<String, String> conf,
      Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl,
        "--deploy-mode", "client", "--class", mainClass, "--executor-memory", options.executorMemory(),
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false"));
    if (!jars.isEmpty()) {
      command.add("--jars");
      command.add(String.join(",", jars.stream().map(Path::toString).toList()));
    }
    conf.forEach((key, value) -> {
      command.add("--conf");
      command.add(key + "=" + value);
    });
    command.add(appJar.toString());
    command.addAll(List.of(args));
    Path log = work.resolve("submit-" + ++submissions + ".log");
    long start = System.nanoTime();
    Process driver = jvm(log, "-Xmx768m", command.toArray(String[]::new));
    if (!driver.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill(driver);
      throw new IllegalStateException("spark-submit did not end within " + timeout + "; see " + log);
    }
    return new Submission(driver.exitValue(), log, Duration.ofNanos(System.nanoTime() - start));
  }

  /** A JVM running {@code mainAndArgs} on the installation's class path, output to {@code log}. */
  private Process daemon(Path log, String... mainAndArgs) throws IOException {
    return jvm(log, "-Xmx256m", mainAndArgs);
  }

  private Process jvm(Path log, String heap, String... mainAndArgs) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(heap);
    command.addAll(SparkInstall.JAVA_OPTIONS);
    command.add("-cp");
    command.add(install.home().resolve("jars") + "/*");
    command.addAll(List.of(mainAndArgs));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("SPARK_HOME", install.home().toString());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOG_DIR", work.toString());
    builder.environment().put("OMP_NUM_THREADS", "1");
    return builder.start();
  }

  /** Waits until {@code log} holds {@code line}; fails early when a daemon has died. */
  private void await(Path log, String line, String what) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
        return;
      }
      for (Process daemon : daemons) {
        if (!daemon.isAlive()) {
          throw new IllegalStateException("a Spark daemon exited (status " + daemon.exitValue() + ") while waiting for "
              + what + "; see the logs in " + work);
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
    throw new IllegalStateException(what + " did not happen within " + START_TIMEOUT + "; see " + log);
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }

  /** Stops the Worker (and so its executors), then the Master, newest first; kills what does not stop. */
  private synchronized void stopAll() {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = daemons.size() - 1; i >= 0; i--) {
      kill(daemons.get(i));
    }
  }

  /** SIGTERM to the process (its shutdown hooks run), then SIGKILL to whatever of its tree is left. */
  private static void kill(Process process) {
    List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    process.destroy();
    try {
      process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle p : tree) {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}

package ad.spark;

import ad.core.UserException;
import ad.experiments.bench.BenchReport;
import ad.spark.bench.SparkWorkloads;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ad bench spark-*}: the Spark workloads, printing {@code bench <workload> <metric> <value>} lines. */
@Command(name = "bench", description = "Measure Spark scoring throughput and grid overhead; prints "
    + "'bench <workload> <metric> <value>' lines like 'ad bench'.")
final class SparkBenchCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "WORKLOAD", description = "spark-score, spark-score-5m, spark-grid "
      + "(default: spark-score)")
  List<String> names = new ArrayList<>();

  @Option(names = "--list", description = "list the workloads and exit")
  boolean list;

  @Option(names = "--work", paramLabel = "DIR", description = "where to generate tables and outputs (default: a "
      + "temporary folder, deleted afterwards; spark-score-5m needs about 1 GB)")
  Path work;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = command.commandLine().getOut();
    if (list) {
      SparkWorkloads.all().forEach(w -> out.printf("  %-16s %s%n", w.name(), w.description()));
      out.flush();
      return 0;
    }
    List<SparkWorkloads.Workload> chosen = new ArrayList<>();
    for (String name : names.isEmpty() ? List.of(SparkWorkloads.SCORE.name()) : names) {
      chosen.add(SparkWorkloads.all().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow(() ->
          new UserException("unknown Spark workload '" + name + "'; known: "
              + SparkWorkloads.all().stream().map(SparkWorkloads.Workload::name).toList())));
    }
    boolean temporary = work == null;
    Path folder = temporary ? Files.createTempDirectory("ad-bench-spark") : work;
    try {
      for (SparkWorkloads.Workload w : chosen) {
        Path each = folder.resolve(w.name());
        SparkWorkloads.clean(each);
        Files.createDirectories(each);
        new SparkWorkloads(new BenchReport(out), each).run(w);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      if (temporary) {
        SparkWorkloads.clean(folder);
      }
    }
    return 0;
  }
}

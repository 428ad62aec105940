package ad.experiments;

import ad.core.UserException;
import ad.experiments.bench.BenchReport;
import ad.experiments.bench.Workload;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs throughput benchmarks. */
@Command(name = "bench", description = "Measure training and scoring throughput on fixed workloads; "
    + "prints 'bench <workload> <metric> <value>' lines. The Spark workloads (spark-score, spark-score-5m, "
    + "spark-grid) are run by the ad-spark module: the ad launcher routes 'ad bench spark-...' to it.")
final class BenchCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "WORKLOAD", description = "workloads to run (default: all)")
  List<String> names = new ArrayList<>();

  @Option(names = "--list", description = "list the workloads and exit")
  boolean list;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    List<Workload> all = ad.experiments.bench.BenchWorkloads.all();
    if (list) {
      all.forEach(w -> out.printf("  %-16s %s%n", w.name(), w.description()));
      out.flush();
      return 0;
    }
    List<Workload> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(all.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow(() ->
          new UserException("unknown workload '" + name + "'; known: "
              + all.stream().map(Workload::name).toList())));
    }
    BenchReport report = new BenchReport(out);
    for (Workload w : chosen.isEmpty() ? all : chosen) {
      w.run(report);
    }
    return 0;
  }
}

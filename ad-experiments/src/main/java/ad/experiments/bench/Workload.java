package ad.experiments.bench;

/** One named benchmark. */
public interface Workload {

  /** The name on the command line, e.g. {@code dense-64}. */
  String name();

  /** One line for {@code ad bench --list}. */
  String description();

  /** Runs the benchmark and reports its figures. */
  void run(BenchReport report);
}

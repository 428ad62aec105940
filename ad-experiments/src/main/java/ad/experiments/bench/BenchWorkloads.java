package ad.experiments.bench;

import java.util.List;

/** Every benchmark workload, in the order {@code ad bench} runs them. */
public final class BenchWorkloads {
  private BenchWorkloads() {}

  public static List<Workload> all() {
    return List.of(
        // One line per workload.
        DenseWorkloads.dense64(),
        DenseWorkloads.denoising64(),
        DenseWorkloads.vae64(),
        new ConvWorkload()
        );
  }

  /** The report that prints to {@code out}. */
  public static BenchReport report(java.io.PrintWriter out) {
    return new BenchReport(out);
  }
}

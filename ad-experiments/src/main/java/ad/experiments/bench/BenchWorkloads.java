package ad.experiments.bench;

import ad.models.network.Engine;
import java.util.List;

/** Every benchmark workload, in the order {@code ad bench} runs them. */
public final class BenchWorkloads {
  private BenchWorkloads() {}

  public static List<Workload> all() {
    return List.of(
        // One line per workload; each family on the native engine, then on DL4J.
        DenseWorkloads.dense64(Engine.NATIVE),
        DenseWorkloads.dense64(Engine.DL4J),
        DenseWorkloads.denoising64(Engine.NATIVE),
        DenseWorkloads.denoising64(Engine.DL4J),
        DenseWorkloads.vae64(Engine.NATIVE),
        DenseWorkloads.vae64(Engine.DL4J),
        new ConvWorkload(Engine.NATIVE),
        new ConvWorkload(Engine.DL4J),
        new LstmWorkload(Engine.NATIVE),
        new LstmWorkload(Engine.DL4J)
        );
  }
}

package ad.experiments.bench;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.models.lstm.LstmAutoencoder;
import ad.models.lstm.LstmAutoencoderOptions;
import ad.models.network.Activation;
import ad.models.network.Engine;
import ad.models.train.TrainingOptions;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code lstm-60}: the LSTM autoencoder of {@code experiments/skab.yaml} (one LSTM of 100 tanh
 * units each way, SKAB's reference LSTM-AE's size) on 2,400 synthetic windows of 60 steps x 8
 * channels (SKAB's shape), batch 32, training on one thread ({@code lstm-60-dl4j}: 600 windows on
 * DeepLearning4J): one timed epoch after a warm-up fit, then scoring. Windows per second times
 * SKAB's training windows and epochs predict the experiment's time.
 */
final class LstmWorkload implements Workload {
  private static final int STEPS = 60;
  private static final int CHANNELS = 8;

  private final Engine engine;
  private final String name;
  private final int rows;

  LstmWorkload(Engine engine) {
    this.engine = engine;
    this.name = engine == Engine.NATIVE ? "lstm-60" : "lstm-60-dl4j";
    this.rows = engine == Engine.NATIVE ? 2_400 : 600;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "LSTM autoencoder 100-100 (SKAB's) on %,d windows of 60 x 8, "
        + "batch 32%s", rows, engine == Engine.NATIVE ? "" : ", on DeepLearning4J");
  }

  @Override
  public void run(BenchReport report) {
    Dataset windows = windows(rows);
    report.note(name, "hidden_layers [100], tanh, batch 32, training on 1 thread, "
        + "1 timed epoch after a warm-up fit (OMP_NUM_THREADS="
        + System.getenv().getOrDefault("OMP_NUM_THREADS", "unset") + ")");
    DetectorModel model = detector(1).fit(windows.select(ConvWorkload.range(rows / 5)), 1);
    model.score(windows.select(ConvWorkload.range(rows / 5)));
    long t0 = System.nanoTime();
    long c0 = ConvWorkload.processCpuNanos();
    model = detector(1).fit(windows, 2);
    report.figure(name, "train_samples_per_s", rows / ((System.nanoTime() - t0) / 1e9));
    report.figure(name, "train_samples_per_cpu_s",
        rows / ((ConvWorkload.processCpuNanos() - c0) / 1e9));
    double best = 0;
    double bestCpu = 0;
    for (int rep = 0; rep < 2; rep++) {
      long s0 = System.nanoTime();
      long sc0 = ConvWorkload.processCpuNanos();
      model.score(windows);
      best = Math.max(best, rows / ((System.nanoTime() - s0) / 1e9));
      bestCpu = Math.max(bestCpu, rows / ((ConvWorkload.processCpuNanos() - sc0) / 1e9));
    }
    report.figure(name, "score_rows_per_s", best);
    report.figure(name, "score_rows_per_cpu_s", bestCpu);
  }

  private LstmAutoencoder detector(int epochs) {
    return new LstmAutoencoder(new LstmAutoencoderOptions(null, List.of(100), Activation.TANH, null,
        null, new TrainingOptions(1e-3, epochs, 32, null, null, null, null, null, engine)));
  }

  /** Seeded windows of 8 noisy sines of random phases and periods. */
  private static Dataset windows(int rows) {
    Random random = new Random(60);
    int d = STEPS * CHANNELS;
    float[] values = new float[rows * d];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < CHANNELS; c++) {
        double phase = random.nextDouble() * 2 * Math.PI;
        double period = 10 + random.nextDouble() * 40;
        for (int t = 0; t < STEPS; t++) {
          values[r * d + t * CHANNELS + c] = (float) (Math.sin(2 * Math.PI * t / period + phase)
              + 0.1 * random.nextGaussian());
        }
      }
    }
    return Dataset.of("windows-60x8", rows, d, values, Dataset.defaultFeatureNames(d), null)
        .withSampleShape(STEPS, CHANNELS);
  }
}

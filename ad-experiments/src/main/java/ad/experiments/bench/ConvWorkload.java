package ad.experiments.bench;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.models.conv.ConvAutoencoder;
import ad.models.conv.ConvAutoencoderOptions;
import ad.models.conv.Pooling;
import ad.models.conv.Upsampling;
import ad.models.network.Activation;
import ad.models.train.TrainingOptions;
import java.util.List;
import java.util.Random;

/**
 * {@code conv-28}: the convolutional autoencoder of issue 3 on 10,000 synthetic 28x28x1 images, through
 * the Detector API: conv 16 3x3, max pool 2, conv 8 3x3, max pool 2, upsample 2, conv 16 3x3, upsample
 * 2, conv 1 3x3 sigmoid; batch 128, 2 threads. PyTorch (CPU, 2 threads) trains the same net at ~4,500
 * images/s on the reference machine (STACK.md).
 */
final class ConvWorkload implements Workload {
  private static final String NAME = "conv-28";
  private static final int ROWS = 10_000;
  private static final int SIDE = 28;
  private static final int EPOCHS = 2;
  private static final int THREADS = 2;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "conv autoencoder 16-8 on 10,000 28x28x1 images, batch 128, 2 threads: train and score";
  }

  @Override
  public void run(BenchReport report) {
    Dataset images = blobs(ROWS, 7);
    ConvAutoencoder warm = detector(1);
    report.note(NAME, "filters [16, 8], 3x3, max pool, nearest upsampling, batch 128, threads "
        + THREADS + ", " + EPOCHS + " timed epochs after a warm-up fit");
    // Warm-up: lets the JIT compile the inner loops before anything is timed.
    DetectorModel model = warm.fit(images.select(range(2_000)), 1);
    model.score(images.select(range(2_000)));

    ConvAutoencoder timed = detector(EPOCHS);
    long t0 = System.nanoTime();
    long c0 = processCpuNanos();
    model = timed.fit(images, 2);
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    double trainCpuSeconds = (processCpuNanos() - c0) / 1e9;
    report.figure(NAME, "train_samples_per_s", (double) ROWS * EPOCHS / trainSeconds);
    // On a busy machine the wall-clock figure measures the load; per CPU-second it does not
    // (THREADS times this is what an idle machine with THREADS free cores would approach).
    report.figure(NAME, "train_samples_per_cpu_s", (double) ROWS * EPOCHS / trainCpuSeconds);

    double best = 0;
    double bestCpu = 0;
    for (int rep = 0; rep < 3; rep++) {
      long s0 = System.nanoTime();
      long sc0 = processCpuNanos();
      model.score(images);
      best = Math.max(best, ROWS / ((System.nanoTime() - s0) / 1e9));
      bestCpu = Math.max(bestCpu, ROWS / ((processCpuNanos() - sc0) / 1e9));
    }
    report.figure(NAME, "score_rows_per_s", best);
    report.figure(NAME, "score_rows_per_cpu_s", bestCpu);
    report.figure(NAME, "final_train_loss",
        model.trainingHistory().orElseThrow().trainLoss().get(EPOCHS - 1));
  }

  /** CPU time of the whole process (all threads, JIT and GC included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static ConvAutoencoder detector(int epochs) {
    return new ConvAutoencoder(new ConvAutoencoderOptions(null, List.of(16, 8), null, 3, 1,
        Pooling.MAX, Upsampling.NEAREST, Activation.RELU, Activation.SIGMOID, THREADS, null,
        new TrainingOptions(1e-3, epochs, 128, 0.0, 0, 0.0, 0.0, true, null)));
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  /** Seeded images in [0, 1]: one to three soft Gaussian blobs each, so the net has shapes to learn. */
  static Dataset blobs(int rows, long seed) {
    Random random = new Random(seed);
    int d = SIDE * SIDE;
    float[] values = new float[rows * d];
    for (int r = 0; r < rows; r++) {
      int count = 1 + random.nextInt(3);
      for (int b = 0; b < count; b++) {
        double cy = 4 + random.nextDouble() * (SIDE - 8);
        double cx = 4 + random.nextDouble() * (SIDE - 8);
        double s2 = 2 * Math.pow(1.5 + random.nextDouble() * 2.5, 2);
        for (int y = 0; y < SIDE; y++) {
          for (int x = 0; x < SIDE; x++) {
            double v = Math.exp(-((y - cy) * (y - cy) + (x - cx) * (x - cx)) / s2);
            int i = r * d + y * SIDE + x;
            values[i] = (float) Math.min(1.0, values[i] + v);
          }
        }
      }
    }
    return Dataset.of("blobs-28", rows, d, values, Dataset.defaultFeatureNames(d), null)
        .withSampleShape(SIDE, SIDE, 1);
  }
}

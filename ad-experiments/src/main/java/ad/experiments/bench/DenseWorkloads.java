package ad.experiments.bench;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.models.dense.DenoisingAutoencoder;
import ad.models.dense.DenoisingAutoencoderOptions;
import ad.models.dense.DenseAutoencoder;
import ad.models.dense.DenseAutoencoderOptions;
import ad.models.network.Activation;
import ad.models.network.Likelihood;
import ad.models.network.NoiseKind;
import ad.models.nn.NativeEngine;
import ad.models.nn.Workers;
import ad.models.train.TrainingOptions;
import ad.models.vae.VariationalAutoencoder;
import ad.models.vae.VaeScore;
import ad.models.vae.VariationalAutoencoderOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The dense-family workloads (dense, denoising, variational): a 64-32-16-32-64 network (relu hidden, sigmoid out, Adam 1e-3, batch
 * 256) on 100,000 synthetic rows of 64 values in [0, 1], trained and scored through the public
 * {@link Detector} API, the code path users run.
 *
 * <p>Training throughput is measured after a warm-up: a one-epoch fit first (JIT, native library
 * load, buffers), then a timed fit of {@link #TIMED_EPOCHS} epochs whose rows per second are
 * reported, by the wall clock and by the training thread's CPU time (robust to a busy machine).
 * Scoring throughput is the best of three passes over all rows, by the wall clock.
 */
final class DenseWorkloads {
  static final int ROWS = 100_000;
  static final int COLUMNS = 64;
  static final int BATCH = 256;
  static final int TIMED_EPOCHS = 3;
  static final List<Integer> HIDDEN = List.of(32, 16, 32);

  private DenseWorkloads() {}

  static Workload dense64() {
    return new DenseWorkload("dense-64", "dense AE 64-32-16-32-64, 100k x 64 rows, batch 256",
        epochs -> new DenseAutoencoder(new DenseAutoencoderOptions(HIDDEN, Activation.RELU,
            Activation.SIGMOID, null, training(epochs))));
  }

  static Workload denoising64() {
    return new DenseWorkload("denoising-64", "denoising AE (gaussian 0.1) on the dense-64 workload",
        epochs -> new DenoisingAutoencoder(new DenoisingAutoencoderOptions(
            new DenseAutoencoderOptions(HIDDEN, Activation.RELU, Activation.SIGMOID, null,
                training(epochs)), NoiseKind.GAUSSIAN, 0.1, null)));
  }

  static Workload vae64() {
    return new DenseWorkload("vae-64", "VAE 64-32-(2x16) / 16-32-64, bernoulli, reconstruction "
        + "probability over 10 draws, on the dense-64 workload",
        epochs -> new VariationalAutoencoder(new VariationalAutoencoderOptions(List.of(32), 16,
            Activation.RELU, 1.0, Likelihood.BERNOULLI, VaeScore.RECONSTRUCTION_PROBABILITY, 10,
            training(epochs))));
  }

  /** Adam 1e-3, batches of 256, no validation: the workloads' training options. */
  static TrainingOptions training(int epochs) {
    return new TrainingOptions(1e-3, epochs, BATCH, null, null, null, null, null, null);
  }

  /** 64 values per row on a smooth 4-dimensional surface in [0, 1]^64, seeded. */
  static Dataset data() {
    Random random = new Random(64);
    int latent = 4;
    double[][] w = new double[COLUMNS][latent];
    for (double[] row : w) {
      for (int k = 0; k < latent; k++) {
        row[k] = random.nextGaussian();
      }
    }
    float[] values = new float[ROWS * COLUMNS];
    double[] z = new double[latent];
    for (int r = 0; r < ROWS; r++) {
      for (int k = 0; k < latent; k++) {
        z[k] = random.nextGaussian();
      }
      for (int j = 0; j < COLUMNS; j++) {
        double s = 0;
        for (int k = 0; k < latent; k++) {
          s += w[j][k] * z[k];
        }
        values[r * COLUMNS + j] = (float) (1 / (1 + Math.exp(-s)));
      }
    }
    return Dataset.of("bench-64", ROWS, COLUMNS, values, Dataset.defaultFeatureNames(COLUMNS), null);
  }

  /** Times {@code fit} and {@code score} of a detector built for a given number of epochs. */
  record DenseWorkload(String name, String description, IntFunction<Detector> detector)
      implements Workload {

    @Override
    public void run(BenchReport report) {
      Dataset data = data();
      report.note(name, "training on 1 thread; scoring on " + Workers.SCORING_THREADS
          + " threads; BLAS threads per engine thread " + NativeEngine.blasThreads()
          + " (OMP_NUM_THREADS="
          + System.getenv().getOrDefault("OMP_NUM_THREADS", "unset") + ")");
      detector.apply(1).fit(data, 1);
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      long start = System.nanoTime();
      long cpuStart = cpu.getCurrentThreadCpuTime();
      DetectorModel model = detector.apply(TIMED_EPOCHS).fit(data, 2);
      double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      double seconds = (System.nanoTime() - start) / 1e9;
      report.figure(name, "train_samples_per_s", TIMED_EPOCHS * (double) ROWS / seconds);
      // Training runs on this thread alone (one BLAS thread), so its CPU time is the whole cost: a
      // figure that a busy machine disturbs much less than the wall clock.
      report.figure(name, "train_samples_per_cpu_s", TIMED_EPOCHS * (double) ROWS / cpuSeconds);
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        model.score(data);
        best = Math.min(best, (System.nanoTime() - t) / 1e9);
      }
      report.figure(name, "score_rows_per_s", ROWS / best);
    }
  }
}

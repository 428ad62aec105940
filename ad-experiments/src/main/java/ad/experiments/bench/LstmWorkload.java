package ad.experiments.bench;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.models.lstm.LstmAutoencoder;
import ad.models.lstm.LstmAutoencoderOptions;
import ad.models.network.Activation;
import ad.models.train.TrainingOptions;
import java.util.List;
import java.util.Random;

/**
 * {@code lstm-60-dl4j}: the LSTM autoencoder of {@code experiments/skab.yaml} (one LSTM of 100 tanh
 * units each way, SKAB's reference LSTM-AE's size) on 600 synthetic windows of 60 steps x 8 channels
 * (SKAB's shape), batch 32, on DeepLearning4J (the only engine with LSTM layers): one timed epoch
 * after a warm-up fit, then scoring. Windows per second times SKAB's training windows and epochs
 * predict the experiment's time.
 */
final class LstmWorkload implements Workload {
  private static final String NAME = "lstm-60-dl4j";
  private static final int ROWS = 600;
  private static final int STEPS = 60;
  private static final int CHANNELS = 8;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "LSTM autoencoder 100-100 (SKAB's) on 600 windows of 60 x 8, batch 32, on DeepLearning4J";
  }

  @Override
  public void run(BenchReport report) {
    Dataset windows = windows();
    report.note(NAME, "hidden_layers [100], tanh, batch 32, 1 timed epoch after a warm-up fit");
    DetectorModel model = detector(1).fit(windows.select(ConvWorkload.range(ROWS / 5)), 1);
    model.score(windows.select(ConvWorkload.range(ROWS / 5)));
    long t0 = System.nanoTime();
    long c0 = ConvWorkload.processCpuNanos();
    model = detector(1).fit(windows, 2);
    report.figure(NAME, "train_samples_per_s", ROWS / ((System.nanoTime() - t0) / 1e9));
    report.figure(NAME, "train_samples_per_cpu_s",
        ROWS / ((ConvWorkload.processCpuNanos() - c0) / 1e9));
    long s0 = System.nanoTime();
    long sc0 = ConvWorkload.processCpuNanos();
    model.score(windows);
    report.figure(NAME, "score_rows_per_s", ROWS / ((System.nanoTime() - s0) / 1e9));
    report.figure(NAME, "score_rows_per_cpu_s",
        ROWS / ((ConvWorkload.processCpuNanos() - sc0) / 1e9));
  }

  private static LstmAutoencoder detector(int epochs) {
    return new LstmAutoencoder(new LstmAutoencoderOptions(null, List.of(100), Activation.TANH, null,
        null, new TrainingOptions(1e-3, epochs, 32, null, null, null, null, null, null)));
  }

  /** Seeded windows of 8 noisy sines of random phases and periods. */
  private static Dataset windows() {
    Random random = new Random(60);
    int d = STEPS * CHANNELS;
    float[] values = new float[ROWS * d];
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < CHANNELS; c++) {
        double phase = random.nextDouble() * 2 * Math.PI;
        double period = 10 + random.nextDouble() * 40;
        for (int t = 0; t < STEPS; t++) {
          values[r * d + t * CHANNELS + c] = (float) (Math.sin(2 * Math.PI * t / period + phase)
              + 0.1 * random.nextGaussian());
        }
      }
    }
    return Dataset.of("windows-60x8", ROWS, d, values, Dataset.defaultFeatureNames(d), null)
        .withSampleShape(STEPS, CHANNELS);
  }
}

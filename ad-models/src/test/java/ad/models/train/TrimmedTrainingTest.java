package ad.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.Seeds;
import ad.models.Contamination;
import ad.models.Training;
import ad.models.conv.ConvAutoencoder;
import ad.models.conv.ConvAutoencoderOptions;
import ad.models.conv.Images;
import ad.models.conv.Pooling;
import ad.models.conv.Upsampling;
import ad.models.dense.Auc;
import ad.models.dense.DenoisingAutoencoder;
import ad.models.dense.DenoisingAutoencoderOptions;
import ad.models.dense.DenseAutoencoder;
import ad.models.dense.DenseAutoencoderOptions;
import ad.models.dense.Manifold;
import ad.models.dl4j.Dl4jEngine;
import ad.models.network.Activation;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.ConvArchitecture;
import ad.models.network.DenseArchitecture;
import ad.models.network.Engine;
import ad.models.network.InputLayout;
import ad.models.network.Likelihood;
import ad.models.network.LstmArchitecture;
import ad.models.network.NetworkEngine;
import ad.models.network.Reparameterisation;
import ad.models.network.RowTrim;
import ad.models.network.VaeArchitecture;
import ad.models.network.VaeCodec;
import ad.models.network.VariationalNetwork;
import ad.models.nn.NativeEngine;
import ad.models.vae.VariationalAutoencoder;
import ad.models.vae.VariationalAutoencoderOptions;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Trimmed-loss training ({@code trim}): on training rows contaminated by a tight cluster of
 * anomalies, which an autoencoder trained on every row learns to rebuild, trimming keeps them
 * anomalous (ROC AUC up by a margin, on every family and both engines' step kinds, several seeds);
 * and a trimmed step is exactly a step on the rows it keeps, the ones with the lowest loss.
 */
class TrimmedTrainingTest {
  private static final Manifold SURFACE = new Manifold(20, 2, 11L);
  private static final Dataset NORMAL = SURFACE.sample("train", 500, 0, 101L);
  private static final Dataset NORMAL_TEST = SURFACE.sample("test", 300, 0, 201L);
  /** 60 anomalies among 560 rows (10.7%): trimming a fifth of every batch leaves them out. */
  private static final int ANOMALIES = 60;
  private static final double TRIM = 0.2;

  /**
   * The mean ROC AUC over {@code seeds} seeds of detectors made by {@code detector} (given the
   * trim), untrimmed and trimmed, on {@code normal} contaminated by the cluster around
   * {@code centre} (null: a random point); each seed draws its own contamination.
   */
  private static double[] aucs(Dataset normal, Dataset normalTest, int anomalies, float[] centre,
      int seeds, DoubleFunction<Detector> detector) {
    double[] mean = new double[2];
    for (int seed = 1; seed <= seeds; seed++) {
      Dataset train = (centre == null ? Contamination.cluster(normal, anomalies, 0.05, 300 + seed)
          : Contamination.cluster(normal, anomalies, centre, 0.05, 300 + seed)).withoutLabels();
      Dataset test = centre == null ? Contamination.cluster(normalTest, 50, 0.05, 400 + seed)
          : Contamination.cluster(normalTest, 30, centre, 0.05, 400 + seed);
      for (int t = 0; t < 2; t++) {
        mean[t] += Auc.of(detector.apply(t == 0 ? 0 : TRIM).fit(train, seed).score(test), test)
            / seeds;
      }
    }
    return mean;
  }

  private static void assertHelps(String what, double[] aucs, double margin, double least) {
    System.out.printf("%s: mean ROC AUC untrimmed %.3f, trimmed %.3f%n", what, aucs[0], aucs[1]);
    assertTrue(aucs[1] >= aucs[0] + margin, what + ": trimming should add " + margin + ": untrimmed "
        + aucs[0] + ", trimmed " + aucs[1]);
    assertTrue(aucs[1] >= least, what + ": trimmed " + aucs[1]);
  }

  private static DenseAutoencoderOptions dense(double trim, Engine engine) {
    return new DenseAutoencoderOptions(List.of(16, 4, 16), null, Activation.SIGMOID, null,
        Training.with().learningRate(3e-3).epochs(30).batchSize(32).trim(trim).engine(engine)
        .options());
  }

  @Test
  void helpsTheDenseAutoencoder() {
    // Measured, 3 seeds: untrimmed .958, trimmed 1.000.
    assertHelps("dense", aucs(NORMAL, NORMAL_TEST, ANOMALIES, null, 3,
        trim -> new DenseAutoencoder(dense(trim, Engine.NATIVE))), 0.03, 0.99);
  }

  @Test
  void helpsTheDenoisingAutoencoder() {
    // Measured, 3 seeds: untrimmed .966, trimmed 1.000.
    assertHelps("denoising", aucs(NORMAL, NORMAL_TEST, ANOMALIES, null, 3,
        trim -> new DenoisingAutoencoder(new DenoisingAutoencoderOptions(dense(trim,
            Engine.NATIVE), null, 0.05, null))), 0.02, 0.99);
  }

  @Test
  void helpsTheVariationalAutoencoder() {
    // Its reconstruction probability; measured, 3 seeds: untrimmed .820, trimmed .932.
    assertHelps("vae", aucs(NORMAL, NORMAL_TEST, ANOMALIES, null, 3,
        trim -> new VariationalAutoencoder(new VariationalAutoencoderOptions(List.of(16), 4, null,
            null, null, null, null, Training.with().learningRate(3e-3).epochs(30).trim(trim)
            .options()))), 0.04, 0.88);
  }

  @Test
  void helpsTheConvolutionalAutoencoder() {
    // The anomalies: one bright vertical bar (with noise) among soft blobs, a shape the
    // convolutions learn when a tenth of the training images show it. Measured: .980 -> 1.000.
    float[] bar = new float[64];
    for (int i = 0; i < 64; i++) {
      bar[i] = i % 8 == 3 || i % 8 == 4 ? 0.9f : 0.1f;
    }
    assertHelps("conv", aucs(Images.blobs("blobs", 8, 300, 0, 3L), Images.blobs("test", 8, 150, 0,
        4L), 36, bar, 3, trim -> new ConvAutoencoder(new ConvAutoencoderOptions(null, List.of(4, 2),
        null, 3, 1, Pooling.MAX, Upsampling.NEAREST, null, null, 2, null, Training.with()
        .learningRate(3e-3).epochs(15).batchSize(16).trim(trim).options()))), 0.02, 0.99);
  }

  @Test
  void helpsOnDl4jToo() {
    // The same data as the native dense test, two seeds (DL4J is slower). Measured: .987 -> 1.000.
    assertHelps("dense on dl4j", aucs(NORMAL, NORMAL_TEST, ANOMALIES, null, 2,
        trim -> new DenseAutoencoder(dense(trim, Engine.DL4J))), 0.01, 0.99);
  }

  // ---- A trimmed step is a step on the kept rows --------------------------------------------

  private static float[] batch(int rows, int columns, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[rows * columns];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.5 + 0.25 * random.nextGaussian());
    }
    // Two rows far off, the ones a trim of a quarter must drop (with the next highest loss).
    for (int j = 0; j < columns; j++) {
      x[3 * columns + j] += 3;
      x[9 * columns + j] -= 3;
    }
    return x;
  }

  /** The rows a trim keeps: those with the lowest squared reconstruction error. */
  private static boolean[] kept(RowTrim trim, AutoencoderNetwork network, float[] rows, int count) {
    int d = network.columns();
    float[] y = network.reconstructor().reconstruct(rows, count);
    double[] losses = new double[count];
    for (int i = 0; i < count * d; i++) {
      double e = rows[i] - y[i];
      losses[i / d] += e * e;
    }
    boolean[] keep = new boolean[count];
    trim.select(losses, count, keep);
    return keep;
  }

  /**
   * One trimmed step from the network {@code build} gives equals one untrimmed step, from the same
   * network, on the rows the trim keeps: same loss, same weights after the update (to float
   * rounding: the trimmed native step multiplies zero rows too).
   */
  private static void assertStepOnKeptRows(LongFunction<AutoencoderNetwork> build, int count) {
    RowTrim trim = new RowTrim(0.25);
    AutoencoderNetwork trimmed = build.apply(5L);
    AutoencoderNetwork plain = build.apply(5L);
    int d = trimmed.columns();
    float[] rows = batch(count, d, 3L);
    boolean[] keep = kept(trim, trimmed, rows, count);
    assertTrue(!keep[3] && !keep[9], "the far rows are dropped");
    float[] keptRows = new float[count * d];
    int kept = RowTrim.compact(rows, d, keep, count, keptRows);
    assertEquals(count - 3, kept, "a quarter of 12, rounded: 3 dropped");
    double trimmedLoss = trimmed.trainer(1e-2, 0, count, trim, 9L).trainBatch(rows, count);
    double plainLoss = plain.trainer(1e-2, 0, count, RowTrim.NONE, 9L).trainBatch(keptRows, kept);
    assertEquals(plainLoss, trimmedLoss, 1e-6 * plainLoss, "the loss is the kept rows' mean");
    assertArrayEquals(plain.snapshot(), trimmed.snapshot(), 1e-6f, "the same update");
  }

  private static DenseArchitecture denseNet(int columns) {
    return new DenseArchitecture(columns, List.of(6, 3, 6), Activation.RELU, Activation.IDENTITY,
        0, null);
  }

  @Test
  void aNativeDenseStepTrainsOnTheKeptRows() {
    // Inside the pass: zeroed output gradients, the rest scaled by the kept count.
    assertStepOnKeptRows(seed -> NativeEngine.INSTANCE.dense(denseNet(8), seed), 12);
  }

  @Test
  void aNativeConvStepTrainsOnTheKeptRows() {
    assertStepOnKeptRows(seed -> NativeEngine.INSTANCE.conv(convNet(), seed), 12);
  }

  @Test
  void dl4jStepsTrainOnTheKeptRows() {
    assertStepOnKeptRows(seed -> Dl4jEngine.INSTANCE.dense(denseNet(8), seed), 12);
    assertStepOnKeptRows(seed -> Dl4jEngine.INSTANCE.conv(convNet(), seed), 12);
    assertStepOnKeptRows(seed -> Dl4jEngine.INSTANCE.lstm(new LstmArchitecture(6, 2, List.of(4),
        Activation.TANH, Activation.IDENTITY, 0), seed), 12);
  }

  private static ConvArchitecture convNet() {
    return new ConvAutoencoderOptions(null, List.of(2), null, 3, 1, Pooling.MAX,
        Upsampling.NEAREST, null, Activation.IDENTITY, 1, null, null)
        .architecture(new InputLayout(4, 4, 1, false));
  }

  /**
   * The VAE's trimmed step: its loss is the mean negative ELBO, with the step's own latent draws, of
   * the rows with the lowest one (measured before the step on a twin network).
   */
  private static void assertVaeStepOnKeptRows(NetworkEngine engine) {
    VaeArchitecture architecture = new VaeArchitecture(8, List.of(6), 2, Activation.RELU,
        Likelihood.GAUSSIAN, 1.0, 0);
    RowTrim trim = new RowTrim(0.25);
    int count = 12;
    float[] rows = batch(count, 8, 4L);
    VariationalNetwork twin = engine.variational(architecture, 5L);
    VaeCodec codec = twin.codec();
    float[] eps = new float[count * 2];
    SplittableRandom latent = new SplittableRandom(Seeds.derive(9L, "latent"));
    for (int i = 0; i < eps.length; i++) {
      eps[i] = (float) latent.nextGaussian();
    }
    float[] h = codec.encode(rows, count).clone();
    float[] z = new float[count * 2];
    Reparameterisation.sample(h, eps, count, 2, z);
    float[] out = codec.decode(z, count);
    double[] losses = new double[count];
    Likelihood.GAUSSIAN.negativeElbo(rows, out, h, count, 8, 2, twin.logVariance(), 1.0, losses);
    boolean[] keep = new boolean[count];
    int kept = trim.select(losses, count, keep);
    double expected = 0;
    for (int r = 0; r < count; r++) {
      expected += keep[r] ? losses[r] / kept : 0;
    }
    double loss = engine.variational(architecture, 5L).trainer(1e-2, 0, count, trim, 9L)
        .trainBatch(rows, count);
    assertEquals(expected, loss, 1e-4 * Math.abs(expected), engine.getClass().getSimpleName());
  }

  @Test
  void vaeStepsTrainOnTheRowsWithTheLowestNegativeElbo() {
    assertVaeStepOnKeptRows(NativeEngine.INSTANCE);
    assertVaeStepOnKeptRows(Dl4jEngine.INSTANCE);
  }
}

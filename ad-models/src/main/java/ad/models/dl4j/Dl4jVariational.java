package ad.models.dl4j;

import ad.core.Seeds;
import ad.models.network.ParameterArray;
import ad.models.network.RowTrim;
import ad.models.network.TrainingStep;
import ad.models.network.VaeArchitecture;
import ad.models.network.VaeCodec;
import ad.models.network.VariationalNetwork;
import ad.models.nn.Workers;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A variational autoencoder on DL4J ({@link Dl4jVae}), as the shared loop and the VAE family see it.
 *
 * <p>Randomness from the fit seed, as the native engine: the initial weights ({@code "init"}), the
 * latent draws of training ({@code "latent"}, drawn in Java, a graph input) and dropout
 * ({@code "dropout"}, DL4J's masks from this thread's ND4J generator, seeded by {@link #trainer}).
 * Scoring draws are the family's.
 */
final class Dl4jVariational implements VariationalNetwork {
  private final VaeArchitecture architecture;
  private final Dl4jVae vae;

  Dl4jVariational(VaeArchitecture architecture, long seed) {
    this.architecture = architecture;
    this.vae = Dl4jVae.create(architecture, Seeds.derive(seed, "init"));
  }

  @Override
  public int columns() {
    return architecture.columns();
  }

  @Override
  public int latent() {
    return architecture.latent();
  }

  @Override
  public TrainingStep trainer(double learningRate, double l2, int batchRows, RowTrim trim,
      long seed) {
    vae.prepareTraining(learningRate, l2);
    Nd4j.getRandom().setSeed(Seeds.derive(seed, "dropout"));
    SplittableRandom latentRandom = new SplittableRandom(Seeds.derive(seed, "latent"));
    float[] eps = new float[batchRows * latent()];
    Trimming trimming = trim.active() ? new Trimming(trim, batchRows) : null;
    return (rows, count) -> {
      for (int i = 0; i < count * latent(); i++) {
        eps[i] = (float) latentRandom.nextGaussian();
      }
      return trimming == null || trim.kept(count) == count ? vae.fit(rows, eps, count)
          : trimming.fit(rows, eps, count);
    };
  }

  /**
   * {@link RowTrim Trimmed} steps: each row's negative ELBO with the step's draw, from the graph's
   * forward pass without dropout, then a step on the kept rows and their draws.
   */
  private final class Trimming {
    private final RowTrim trim;
    private final double[] losses;
    private final boolean[] keep;
    private final float[] keptRows;
    private final float[] keptEps;

    Trimming(RowTrim trim, int batchRows) {
      this.trim = trim;
      this.losses = new double[batchRows];
      this.keep = new boolean[batchRows];
      this.keptRows = new float[batchRows * columns()];
      this.keptEps = new float[batchRows * latent()];
    }

    double fit(float[] rows, float[] eps, int count) {
      Dl4jVae.Pass pass = vae.forward(rows, eps, count);
      architecture.likelihood().negativeElbo(rows, pass.decoded(), pass.posterior(), count,
          columns(), latent(), vae.logVariance(), architecture.beta(), losses);
      trim.select(losses, count, keep);
      int kept = RowTrim.compact(rows, columns(), keep, count, keptRows);
      RowTrim.compact(eps, latent(), keep, count, keptEps);
      return vae.fit(keptRows, keptEps, kept);
    }
  }

  /** Inference copies of the encoder and the decoder: one pair per scoring thread. */
  @Override
  public VaeCodec codec() {
    MultiLayerNetwork encoder = vae.encoder();
    MultiLayerNetwork decoder = vae.decoder();
    int columns = columns();
    int latent = latent();
    return new VaeCodec() {
      @Override
      public float[] encode(float[] rows, int count) {
        return Dl4jParameters.values(encoder.output(Dl4jVae.matrix(rows, count, columns), false));
      }

      @Override
      public float[] decode(float[] z, int count) {
        return Dl4jParameters.values(decoder.output(Dl4jVae.matrix(z, count, latent), false));
      }
    };
  }

  /** The graph, for tests. */
  Dl4jVae vae() {
    return vae;
  }

  @Override
  public float[] logVariance() {
    return vae.logVariance();
  }

  @Override
  public List<ParameterArray> parameters() {
    return vae.parameters();
  }

  @Override
  public void setParameters(List<ParameterArray> arrays) {
    vae.setParameters(arrays);
  }

  @Override
  public float[] snapshot() {
    return vae.snapshot();
  }

  @Override
  public void restore(float[] snapshot) {
    vae.restore(snapshot);
  }

  @Override
  public int scoringThreads() {
    return Workers.SCORING_THREADS;
  }
}

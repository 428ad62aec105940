package ad.models.network;

import java.util.ArrayList;
import java.util.List;

/**
 * A family's network on one engine: trained one mini-batch at a time by the shared loop
 * ({@code ad.models.train.TrainingLoop}), then scored by the shared model base
 * ({@code ad.models.recon.ReconstructionModel}); saved as its {@link #parameters() parameter arrays}.
 *
 * <p>Not thread-safe while training. Once trained it is not changed again, and every scoring thread
 * opens its own passes over it ({@link AutoencoderNetwork#reconstructor()},
 * {@link VariationalNetwork#codec()}), which must then be safe to run at the same time.
 */
public interface Network {

  /**
   * Starts training: each {@link TrainingStep#trainBatch} call is one Adam step (Kingma and Ba 2015:
   * betas 0.9 and 0.999, epsilon 1e-8 added to the bias-corrected root of the second moment) with
   * {@code learningRate}, the weights' gradients (not the biases') plus {@code l2} times the weights
   * (the gradient of {@code l2 / 2 * sum(w^2)}). Dropout, input noise and latent draws follow the
   * architecture, each from its own stream of {@code seed} (the fit seed). With an active
   * {@code trim}, each step drops the batch's highest-loss rows as {@link RowTrim} says (the
   * engine's per-row loss: the squared reconstruction error of a row, or its negative ELBO with the
   * step's latent draw), and its loss is the mean over the rows kept. An inactive trim trains exactly
   * as untrimmed training always has.
   *
   * @param batchRows the most rows a batch will have
   */
  TrainingStep trainer(double learningRate, double l2, int batchRows, RowTrim trim, long seed);

  /**
   * Every parameter array under the key it is saved with in a model file, in a fixed order; copies.
   * The keys and lengths follow from the architecture alone, so a network built from the same
   * architecture takes them back with {@link #setParameters}.
   */
  List<ParameterArray> parameters();

  /**
   * Sets every parameter from arrays with the keys and lengths {@link #parameters()} gives, in that
   * order.
   *
   * @throws IllegalArgumentException if a key or length differs
   */
  void setParameters(List<ParameterArray> arrays);

  /** A copy of every parameter, for the training loop to keep the best epoch's weights. */
  default float[] snapshot() {
    List<ParameterArray> arrays = parameters();
    float[] all = new float[arrays.stream().mapToInt(a -> a.values().length).sum()];
    int at = 0;
    for (ParameterArray a : arrays) {
      System.arraycopy(a.values(), 0, all, at, a.values().length);
      at += a.values().length;
    }
    return all;
  }

  /** Sets every parameter from a {@link #snapshot()}. */
  default void restore(float[] snapshot) {
    List<ParameterArray> arrays = new ArrayList<>();
    int at = 0;
    for (ParameterArray a : parameters()) {
      float[] values = new float[a.values().length];
      System.arraycopy(snapshot, at, values, 0, values.length);
      at += values.length;
      arrays.add(new ParameterArray(a.key(), values));
    }
    if (at != snapshot.length) {
      throw new IllegalArgumentException(snapshot.length + " values for " + at + " parameters");
    }
    setParameters(arrays);
  }

  /** How many threads scoring a large dataset should use (each with its own passes). */
  int scoringThreads();
}

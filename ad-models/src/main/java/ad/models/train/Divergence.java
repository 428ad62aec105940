package ad.models.train;

import ad.core.TrainingDivergedException;

/**
 * When a run counts as diverged, checked by the {@link TrainingLoop} as it goes:
 * <ul>
 *   <li>a mini-batch's loss, an epoch's train loss or a validation loss is not finite (NaN or
 *       infinite: the weights have overflowed; checked per batch, so a huge run stops at once);
 *   <li>an epoch's train loss, or a validation loss, rises above the untrained network's loss by
 *       more than {@link #GROWTH} times that loss's magnitude ({@code loss - start > 1000 |start|}).
 * </ul>
 *
 * <p>The reference is the loss of the network as initialised, measured before the first step on the
 * first rows of the training data (by the family's validation definition, without dropout or noise):
 * where training starts from. Not the first epoch's loss, because a run that blows up does so within
 * its first epoch (issue 14: {@code learning_rate: 1e6} gave a loss of 3e11 against about 1 at the
 * start, and a ROC AUC of 0 reported as a result), and then every later epoch looks normal next to
 * the first.
 *
 * <p>Why 1000: a network that learns anything ends below where it started; an unstable but useful
 * run (a high learning rate, a noisy VAE) overshoots its start by a few times at most. A loss three
 * orders of magnitude above the untrained network's means the weights have run away and the scores
 * mean nothing. The difference rather than the ratio, so that a loss that may be negative (a
 * Gaussian VAE's negative ELBO) is judged by how far it rose, not by its sign.
 */
final class Divergence {
  /** How many times its own magnitude a loss may rise above the untrained network's. */
  static final double GROWTH = 1000;
  /** A floor for the magnitude, so that a start at exactly 0 still allows rounding noise. */
  private static final double FLOOR = 1e-9;

  private final TrainingOptions options;
  private final double start;

  /** @param start the loss of the network before training */
  Divergence(TrainingOptions options, double start) {
    this.options = options;
    this.start = start;
  }

  void checkBatch(int epoch, double loss) {
    if (!Double.isFinite(loss)) {
      throw fail(epoch, loss, "a mini-batch's training loss became " + loss);
    }
  }

  void checkEpoch(int epoch, double loss) {
    check(epoch, loss, "training");
  }

  void checkValidation(int epoch, double loss) {
    check(epoch, loss, "validation");
  }

  private void check(int epoch, double loss, String which) {
    if (!Double.isFinite(loss)) {
      throw fail(epoch, loss, "the " + which + " loss became " + loss);
    }
    if (loss - start > GROWTH * Math.max(Math.abs(start), FLOOR)) {
      throw fail(epoch, loss, "the " + which + " loss grew to " + (float) loss + ", more than "
          + (int) GROWTH + " times the untrained network's " + (float) start);
    }
  }

  private TrainingDivergedException fail(int epoch, double loss, String what) {
    return new TrainingDivergedException(epoch, loss, "training diverged in epoch " + (epoch + 1)
        + ": " + what + "; lower learning_rate (now " + options.learningRate() + "), check the "
        + "scaling of the data, or add l2");
  }
}

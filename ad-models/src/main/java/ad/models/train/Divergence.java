package ad.models.train;

import ad.core.TrainingDivergedException;

/**
 * When a run counts as diverged, checked by the {@link TrainingLoop} as it goes:
 * <ul>
 *   <li>a mini-batch's loss, an epoch's train loss or a validation loss is not finite (NaN or
 *       infinite: the weights have overflowed; checked per batch, so a huge run stops at once);
 *   <li>an epoch's train loss exceeds the first epoch's by more than {@link #GROWTH} times the first
 *       epoch's magnitude ({@code loss - first > 1000 |first|}).
 * </ul>
 *
 * <p>Why 1000: the first epoch's loss is measured while the weights are still at their random start,
 * so a run that learns anything ends far below it; an unstable but useful run (a high learning rate,
 * a noisy VAE) overshoots it by a few times at most. A run whose loss ends up three orders of
 * magnitude above its start has learned nothing usable, and the failures seen in practice are far
 * beyond that (issue 14: {@code learning_rate: 1e6} gave a loss of 3e11 against about 0.1, and a
 * ROC AUC of 0 reported as a result). The difference rather than the ratio, so that a loss that may be
 * negative (a Gaussian VAE's negative ELBO) is judged by how far it rose, not by its sign.
 */
final class Divergence {
  /** How many times its own magnitude a loss may rise above the first epoch's. */
  static final double GROWTH = 1000;

  private final TrainingOptions options;
  private double first = Double.NaN;

  Divergence(TrainingOptions options) {
    this.options = options;
  }

  void checkBatch(int epoch, double loss) {
    if (!Double.isFinite(loss)) {
      throw fail(epoch, loss, "a mini-batch's training loss became " + loss);
    }
  }

  void checkEpoch(int epoch, double loss) {
    if (!Double.isFinite(loss)) {
      throw fail(epoch, loss, "the training loss became " + loss);
    }
    if (epoch == 0) {
      first = loss;
    } else if (loss - first > GROWTH * Math.abs(first)) {
      throw fail(epoch, loss, "the training loss grew to " + (float) loss + ", more than "
          + (int) GROWTH + " times the first epoch's " + (float) first);
    }
  }

  void checkValidation(int epoch, double loss) {
    if (!Double.isFinite(loss)) {
      throw fail(epoch, loss, "the validation loss became " + loss);
    }
  }

  private TrainingDivergedException fail(int epoch, double loss, String what) {
    return new TrainingDivergedException(epoch, loss, "training diverged in epoch " + (epoch + 1)
        + ": " + what + "; lower learning_rate (now " + options.learningRate() + "), check the "
        + "scaling of the data, or add l2");
  }
}

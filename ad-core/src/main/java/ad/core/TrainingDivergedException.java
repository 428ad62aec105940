package ad.core;

/**
 * Training of a model diverged: its loss became non-finite or grew far beyond where it started. Not a
 * result but a failure, which the runner records as the cell's error (like any {@link UserException}:
 * the settings, not the program, are at fault, and the message says which to change).
 */
public class TrainingDivergedException extends UserException {
  private static final long serialVersionUID = 1L;
  private final int epoch;
  private final double loss;

  /**
   * @param epoch the epoch (0-based) in which the loss went wrong
   * @param loss the loss that did
   * @param message what happened and what to change, for the user
   */
  public TrainingDivergedException(int epoch, double loss, String message) {
    super(message);
    this.epoch = epoch;
    this.loss = loss;
  }

  /** The epoch (0-based) in which the loss went wrong. */
  public int epoch() {
    return epoch;
  }

  /** The loss that did: NaN, infinite, or far above the first epoch's. */
  public double loss() {
    return loss;
  }
}

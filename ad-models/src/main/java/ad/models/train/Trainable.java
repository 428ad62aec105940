package ad.models.train;

import ad.core.Dataset;

/** A model the {@link TrainingLoop} can train: the family- and engine-specific half of training. */
public interface Trainable {

  /**
   * One optimiser step on {@code count} rows, given row-major in {@code rows} (at least
   * {@code count * columns} values; more may follow and mean nothing). Returns the batch's mean loss
   * per row as the objective measures it during the step (with dropout and noise, before the update),
   * without any weight penalty.
   */
  double trainBatch(float[] rows, int count);

  /** The loss of {@code validation} with the current parameters, without dropout or training noise. */
  double validationLoss(Dataset validation);

  /** A copy of every parameter. */
  float[] snapshot();

  /** Sets every parameter from a {@link #snapshot()}. */
  void restore(float[] snapshot);
}

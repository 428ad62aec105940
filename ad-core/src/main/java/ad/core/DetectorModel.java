package ad.core;

import java.util.Optional;

/** A fitted detector. Immutable and safe to share between threads once built. */
public interface DetectorModel {

  /** One score per row of {@code data}; higher = more anomalous. */
  Scores score(Dataset data);

  /**
   * Per-feature contributions to each row's score (for a reconstruction model, the squared
   * reconstruction error of each feature), or empty if the model cannot explain its scores.
   */
  default Optional<FeatureErrors> explain(Dataset data) {
    return Optional.empty();
  }

  /**
   * What the model makes of each row of {@code data}: for a reconstruction model, its output, same
   * rows, columns, labels and sample shape as {@code data} and in the same (scaled) space, so reports
   * can show an input beside its reconstruction. Empty for models that do not reconstruct.
   */
  default Optional<Dataset> reconstruct(Dataset data) {
    return Optional.empty();
  }

  /** True if {@link #save} is supported, so that the model can go into a pipeline file. */
  default boolean canSave() {
    return false;
  }

  /**
   * Writes what {@link Detector#load} of the same detector (same type and options) needs to rebuild
   * this model with identical scores.
   */
  default void save(ad.core.persist.StateWriter out) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be saved");
  }

  /** Loss per epoch while training, if the model is trained iteratively. */
  default Optional<TrainingHistory> trainingHistory() {
    return Optional.empty();
  }
}

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

  /** Loss per epoch while training, if the model is trained iteratively. */
  default Optional<TrainingHistory> trainingHistory() {
    return Optional.empty();
  }
}

package ad.core;

/**
 * An untrained anomaly detector: its options, and how to fit them to data.
 *
 * <p>{@link #fit} never mutates the detector; it returns a new immutable {@link DetectorModel}. Every
 * random choice inside {@code fit} (weight initialisation, shuffling, noise, validation split) is drawn
 * from {@code seed}, so that the same data and seed give the same model.
 */
public interface Detector {

  /**
   * Fits a model on {@code train}. In novelty mode the caller passes normal rows only; a detector
   * that is given labelled data refuses rows labelled anomalous (see {@link #requireNormalOnly}).
   *
   * @throws UserException if the data does not fit the detector (shape, too few rows)
   */
  DetectorModel fit(Dataset train, long seed);

  /**
   * Rebuilds a model that {@link DetectorModel#save} wrote; this detector has the options it was fitted
   * with.
   *
   * @throws UserException if the state is missing, corrupt, or this detector cannot load models
   */
  default DetectorModel load(ad.core.persist.StateReader in) {
    throw new UserException("models of this detector type cannot be loaded from a file");
  }

  /** Fails with a {@link UserException} if {@code train} has rows labelled anomalous. */
  static void requireNormalOnly(Dataset train) {
    if (train.hasLabels() && train.anomalyCount() > 0) {
      throw new UserException("training data '" + train.name() + "' has " + train.anomalyCount()
          + " rows labelled anomalous; this detector trains on normal rows only (novelty protocol)");
    }
  }
}

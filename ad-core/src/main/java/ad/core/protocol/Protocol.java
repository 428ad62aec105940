package ad.core.protocol;

import ad.core.Dataset;

/** Splits a labelled dataset into training, validation and test parts. */
@FunctionalInterface
public interface Protocol {

  /**
   * @param seed the stream for this split; the same data and seed give the same split
   * @throws ad.core.UserException if the data cannot support the split (no labels, too few rows)
   */
  Split split(Dataset data, long seed);

  /**
   * True when the training part may hold anomalies by design (unsupervised detection): its labels
   * are then for evaluation only, and the runner hands the detector the training rows without them.
   */
  default boolean trainsOnContaminatedData() {
    return false;
  }
}

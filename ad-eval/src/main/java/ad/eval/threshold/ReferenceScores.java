package ad.eval.threshold;

import ad.core.Scores;
import ad.core.UserException;

/** The checks every fitted thresholder makes on its reference scores before using them. */
final class ReferenceScores {
  private ReferenceScores() {}

  /**
   * The values of {@code reference}, which must hold at least {@code minimum} finite scores.
   *
   * @param thresholder the YAML name, for the message
   * @throws UserException naming the thresholder, what it needs and what it got
   */
  static double[] require(Scores reference, String thresholder, int minimum) {
    if (reference.size() < minimum) {
      throw new UserException("the " + thresholder + " thresholder needs at least " + minimum
          + " reference score" + (minimum == 1 ? "" : "s") + " and got " + reference.size()
          + "; the protocol must hold out more normal rows for the threshold (validation_fraction)");
    }
    reference.requireFinite("reference scores for the " + thresholder + " thresholder");
    return reference.values();
  }
}

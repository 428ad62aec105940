package ad.eval.threshold;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.UserException;
import java.util.Arrays;

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

  /** The values of {@code reference} sorted ascending, after the checks of {@link #require}. */
  static double[] sorted(Scores reference, String thresholder, int minimum) {
    double[] x = require(reference, thresholder, minimum);
    Arrays.sort(x);
    return x;
  }

  /**
   * The threshold of a constant reference: that value, so no reference score is flagged and any
   * higher score is. Every spread-based rule degenerates to it, so they share it.
   */
  static Threshold constant(double value, String thresholder) {
    return new Threshold(value, thresholder + ": constant reference scores, threshold at "
        + value);
  }
}

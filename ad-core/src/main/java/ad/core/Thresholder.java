package ad.core;

/**
 * A rule that turns reference scores (usually those of held-out normal rows) into a {@link Threshold}
 * that is then applied to scores it has never seen.
 */
public interface Thresholder {

  /**
   * Fits the rule to {@code reference} scores.
   *
   * @throws UserException if the scores cannot support the rule (too few, not finite)
   */
  Threshold fit(Scores reference);
}

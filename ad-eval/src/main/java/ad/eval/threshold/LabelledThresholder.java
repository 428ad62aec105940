package ad.eval.threshold;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.Thresholder;

/**
 * A thresholder that needs labels, and so is an <em>oracle</em>: its threshold is chosen by looking
 * at the truth it is then judged against, an upper bound that no label-free rule can be expected to
 * reach. It must never be reported as a label-free result.
 *
 * <p>How a runner uses one (see the package documentation for the full contract):
 *
 * <ol>
 *   <li>Refuse it (a {@link ad.core.UserException} naming the spec entry) unless the experiment spec
 *       explicitly allows oracles.
 *   <li>Do not call {@link #fit(Scores)}; call {@link #fit(Scores, boolean[])} with the
 *       <em>test</em> scores and labels of the cell, then apply the threshold to those same scores.
 *   <li>Mark every output of that cell as oracle (a column {@code oracle=true}, and the threshold's
 *       rule, which starts with {@code "oracle: "}).
 * </ol>
 */
public interface LabelledThresholder extends Thresholder {

  /** The prefix of the {@link Threshold#rule()} of every oracle threshold. */
  String ORACLE_PREFIX = "oracle: ";

  /**
   * Fits the threshold on scores and their labels (true = anomalous).
   *
   * @throws ad.core.UserException if the scores are not finite or the labels cannot support the rule
   * @throws IllegalArgumentException if the lengths differ
   */
  Threshold fit(Scores scores, boolean[] labels);

  /**
   * Always fails: an oracle has no label-free fit, and silently fitting on unlabelled reference
   * scores would hide that.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  default Threshold fit(Scores reference) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " needs labels: call fit(scores, labels) on the test scores, and only where the spec "
        + "allows oracles");
  }

  /** True for any thresholder that needs labels. */
  static boolean isOracle(Thresholder thresholder) {
    return thresholder instanceof LabelledThresholder;
  }
}

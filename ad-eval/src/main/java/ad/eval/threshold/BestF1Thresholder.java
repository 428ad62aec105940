package ad.eval.threshold;

import ad.core.Scores;
import ad.core.Threshold;
import ad.core.UserException;
import ad.eval.metrics.MaxF1;

/**
 * The oracle threshold that maximises F1 on the labelled scores it is fitted on (the test scores):
 * the cut of {@link MaxF1}. Its F1 on those scores is the detector's max-F1, an upper bound on what any
 * threshold achieves there; see {@link LabelledThresholder} for how it must be used and marked.
 *
 * <p>Degenerate input: scores that are not finite are a {@link UserException} (via {@link
 * Scores#requireFinite}); labels without an anomaly are a {@link UserException} too (every cut has F1
 * 0, so there is nothing to choose). Constant scores give the only cut, which flags every row.
 */
public record BestF1Thresholder() implements LabelledThresholder {
  static final String NAME = "best_f1";

  @Override
  public Threshold fit(Scores scores, boolean[] labels) {
    if (labels.length != scores.size()) {
      throw new IllegalArgumentException("scores and labels differ in length: " + scores.size()
          + " != " + labels.length);
    }
    scores.requireFinite("scores for the best_f1 oracle");
    MaxF1 best = MaxF1.of(labels, scores.values());
    if (Double.isNaN(best.f1())) {
      throw new UserException("the best_f1 oracle needs at least one anomaly in the test labels and "
          + "got none among " + labels.length + " rows");
    }
    return new Threshold(best.threshold(), ORACLE_PREFIX + "best F1 " + best.f1()
        + " on the test labels (" + best.flagged() + " rows flagged)");
  }
}

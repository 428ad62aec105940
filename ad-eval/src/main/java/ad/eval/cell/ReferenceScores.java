package ad.eval.cell;

import ad.core.DetectorModel;
import ad.core.Scores;
import ad.eval.spec.ThresholdRule.FitOn;
import java.util.function.Consumer;

/**
 * The scores a cell's thresholds are fitted on, computed at most once each. Validation falls back to
 * the training rows when the protocol held none out (their errors are optimistic, so such a
 * threshold flags more); the row records which was used.
 */
final class ReferenceScores {
  private final DetectorModel model;
  private final PreparedSplit split;
  private final Scores test;
  private final String detector;
  private final String dataset;
  private final Consumer<String> warn;
  private Scores train;
  private Scores validation;

  ReferenceScores(DetectorModel model, PreparedSplit split, Scores test, String detector, String dataset,
      Consumer<String> warn) {
    this.model = model;
    this.split = split;
    this.test = test;
    this.detector = detector;
    this.dataset = dataset;
    this.warn = warn;
  }

  /** The scores a rule asking for {@code wanted} is actually fitted on. */
  FitOn actual(FitOn wanted) {
    return wanted == FitOn.VALIDATION && (split.validationIsTrain() || split.validation().rows() == 0)
        ? FitOn.TRAIN : wanted;
  }

  Scores get(FitOn wanted) {
    switch (actual(wanted)) {
      case TEST:
        return test;
      case VALIDATION:
        if (validation == null) {
          validation = finite(model.score(split.validation()), "validation");
        }
        return validation;
      default:
        if (wanted != FitOn.TRAIN && !split.validationIsTrain()) {
          warn.accept("no validation rows: thresholds for '" + detector + "' on '" + dataset
              + "' are fitted on training scores");
        }
        if (train == null) {
          train = finite(model.score(split.train()), "training");
        }
        return train;
    }
  }

  private Scores finite(Scores scores, String part) {
    return scores.requireFinite(part + " scores of '" + detector + "' on '" + dataset + "'");
  }
}

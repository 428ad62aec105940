package ad.eval.cell;

import ad.eval.cell.CellWarning.Kind;
import ad.eval.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what is suspicious in a finished cell ({@link CellWarning}). Every check here reads only what
 * the cell's result holds (measures, confusion counts, the loss per epoch), so a cell stored before
 * the checks existed gets the same warnings when a resumed run reads it. (A flat output is found while
 * the model is at hand, by {@link Degeneracy}, and stored with the cell.)
 *
 * <p>These are warnings, not failures: each can happen to a sound model (a ROC AUC of 0.48 on a
 * small test set, a strict threshold on an easy split), but a reader should see it before quoting the
 * number. What cannot be a result (non-finite or constant scores, a collapsed network) fails the cell
 * instead: see {@link Degeneracy}.
 */
public final class CellWarnings {
  /** How much the loss must fall below the first epoch's, relative to it, to count as falling. */
  static final double LOSS_FALL = 1e-3;

  private CellWarnings() {}

  /** The warnings of a cell's result; none for a failed cell, which has no numbers to doubt. */
  public static List<CellWarning> of(Status status, Map<String, Double> measures, List<ThresholdResult> thresholds,
      CellCurves curves) {
    List<CellWarning> out = new ArrayList<>();
    if (status == Status.FAILED) {
      return out;
    }
    Double roc = measures.get(StandardMeasures.ROC_AUC);
    if (roc != null && roc < 0.5) {
      out.add(new CellWarning(Kind.ROC_BELOW_CHANCE, "", String.format(Locale.ROOT, "ROC AUC %.3f is below 0.5, "
          + "what a random ranking gets: the scores rank anomalies below normal rows (are the anomalies like "
          + "the training rows, or do higher scores of this detector mean less anomalous?)", roc)));
    }
    if (curves != null) {
      lossDidNotFall(curves.trainLoss()).ifPresent(out::add);
    }
    for (ThresholdResult t : thresholds) {
      if (!t.failed()) {
        decisions(t, out);
      }
    }
    return out;
  }

  private static void decisions(ThresholdResult t, List<CellWarning> out) {
    ConfusionMatrix c = t.counts();
    int rows = c.tp() + c.fp() + c.tn() + c.fn();
    int anomalies = c.tp() + c.fn();
    if (rows == 0) {
      return;
    }
    String who = "'" + t.thresholder() + "'" + (t.oracle() ? " (oracle)" : "");
    double flagAllF1 = anomalies == 0 ? 0 : 2.0 * anomalies / (rows + anomalies);
    if (t.oracle() && anomalies > 0 && anomalies < rows && c.f1() <= flagAllF1 + 1e-12) {
      out.add(new CellWarning(Kind.ORACLE_FLAGS_ALL, t.thresholder(), String.format(Locale.ROOT,
          "%s: the best F1 any threshold reaches, %.3f, is what flagging every row gives (%.1f%% of the test "
          + "rows are anomalies): the scores do not separate the classes at any threshold", who, c.f1(),
          100.0 * anomalies / rows)));
    } else if (c.tp() + c.fp() == 0) {
      out.add(new CellWarning(Kind.NO_ROW_FLAGGED, t.thresholder(), who + ": the threshold " + number(t)
          + "is above every test score, so no row is flagged and F1 is 0 whatever the ranking"));
    } else if (c.tn() + c.fn() == 0 && !t.oracle()) {
      out.add(new CellWarning(Kind.EVERY_ROW_FLAGGED, t.thresholder(), who + ": the threshold " + number(t)
          + "is at or below every test score, so every row is flagged and precision is just the share of "
          + "anomalies"));
    }
  }

  private static String number(ThresholdResult t) {
    return Double.isFinite(t.threshold()) ? String.format(Locale.ROOT, "%.4g ", t.threshold()) : "";
  }

  /** Warns when no epoch after the first ended with a training loss clearly below the first one's. */
  static Optional<CellWarning> lossDidNotFall(List<Double> trainLoss) {
    if (trainLoss.size() < 2 || !Double.isFinite(trainLoss.get(0))) {
      return Optional.empty();
    }
    double first = trainLoss.get(0);
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 1; i < trainLoss.size(); i++) {
      lowest = Math.min(lowest, trainLoss.get(i));
    }
    // A difference, not a ratio: the loss of a Gaussian VAE can be negative.
    if (lowest < first - LOSS_FALL * Math.abs(first)) {
      return Optional.empty();
    }
    return Optional.of(new CellWarning(Kind.LOSS_DID_NOT_FALL, "", String.format(Locale.ROOT,
        "the training loss did not fall: %.4g in the first epoch, at best %.4g in the %d after it (a "
        + "learning_rate far too high saturates the network, one far too low barely moves it)", first, lowest,
        trainLoss.size() - 1)));
  }
}

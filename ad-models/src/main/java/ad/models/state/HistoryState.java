package ad.models.state;

import ad.core.TrainingHistory;
import ad.core.persist.StateWriter;
import java.util.Arrays;
import java.util.List;

/**
 * The training history in a model's state, so that a loaded model reports what the fitted one did:
 * {@code history/train_loss} and {@code history/validation_loss} (doubles, one per epoch; the latter
 * empty without validation) and {@code history/outcome} (ints: best epoch, 1 if stopped early else
 * 0). Losses may be NaN (a diverged epoch), so they are not checked for finiteness.
 */
public final class HistoryState {
  private HistoryState() {}

  public static void write(StateWriter out, TrainingHistory history) {
    out.doubles("history/train_loss", toArray(history.trainLoss()));
    out.doubles("history/validation_loss", toArray(history.validationLoss()));
    out.ints("history/outcome", new int[] {history.bestEpoch(), history.stoppedEarly() ? 1 : 0});
  }

  public static TrainingHistory read(CheckedState state) {
    double[] train = state.in().doubles("history/train_loss");
    double[] validation = state.in().doubles("history/validation_loss");
    int[] outcome = state.ints("history/outcome", 2);
    if (validation.length != 0 && validation.length != train.length) {
      throw state.corrupt("'history/validation_loss' has " + validation.length + " epochs but "
          + "'history/train_loss' has " + train.length);
    }
    if (outcome[0] < 0 || outcome[0] >= Math.max(1, train.length) || outcome[1] < 0 || outcome[1] > 1) {
      throw state.corrupt("'history/outcome' must be [best epoch below " + train.length
          + ", 0 or 1], got " + Arrays.toString(outcome));
    }
    return new TrainingHistory(toList(train), toList(validation), outcome[0], outcome[1] == 1);
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<Double> toList(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}

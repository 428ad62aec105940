package ad.core;

import java.util.List;

/**
 * Loss per epoch during training. {@code validationLoss} is empty when no validation split was used;
 * {@code bestEpoch} (0-based) is the epoch whose weights the model kept; {@code stoppedEarly} is true
 * when early stopping ended training before the epochs it was given (so {@link #epochs()} is fewer
 * than the option {@code epochs}), false when every epoch ran, even if the last one ran out of
 * patience.
 */
public record TrainingHistory(List<Double> trainLoss, List<Double> validationLoss, int bestEpoch,
    boolean stoppedEarly) {

  public TrainingHistory {
    trainLoss = List.copyOf(trainLoss);
    validationLoss = List.copyOf(validationLoss);
  }

  public int epochs() {
    return trainLoss.size();
  }
}

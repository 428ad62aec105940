package ad.core;

import java.util.List;

/**
 * Loss per epoch during training. {@code validationLoss} is empty when no validation split was used;
 * {@code bestEpoch} (0-based) is the epoch whose weights the model kept.
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

package ad.models.train;

import ad.core.Dataset;
import ad.core.Shuffle;
import ad.core.TrainingHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The epoch loop shared by every family: seeded shuffling, mini-batches, validation loss per epoch,
 * early stopping and restoring the best weights.
 *
 * <p>History: the train loss of an epoch is the mean of its mini-batches' losses weighted by their
 * rows, as measured during each update (so with dropout and noise on, while the weights move), without
 * the L2 penalty, so that it compares with the validation loss, which is measured on the held-out rows
 * with the weights at the end of the epoch. {@code bestEpoch} is the epoch whose weights were kept:
 * the lowest validation loss, or the last epoch without validation (or when every validation loss was
 * NaN).
 */
public final class TrainingLoop {
  private TrainingLoop() {}

  /**
   * Trains {@code model} on {@code train}, watching {@code validation} when it is not null, and leaves
   * it holding the kept weights.
   *
   * @param shuffleSeed seeds the per-epoch shuffle of the training rows
   */
  public static TrainingHistory run(Trainable model, Dataset train, Dataset validation,
      TrainingOptions options, long shuffleSeed) {
    Random shuffler = new Random(shuffleSeed);
    int rows = train.rows();
    int columns = train.columns();
    int[] order = new int[rows];
    Arrays.setAll(order, i -> i);
    int batchSize = Math.min(options.batchSize(), rows);
    float[] batch = new float[batchSize * columns];

    List<Double> trainLoss = new ArrayList<>();
    List<Double> validationLoss = new ArrayList<>();
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = -1;
    float[] best = null;
    boolean stoppedEarly = false;
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      if (options.shuffle()) {
        Shuffle.inPlace(order, shuffler);
      }
      double lossSum = 0;
      for (int first = 0; first < rows; first += batchSize) {
        int count = Math.min(batchSize, rows - first);
        for (int i = 0; i < count; i++) {
          train.copyRow(order[first + i], batch, i * columns);
        }
        lossSum += model.trainBatch(batch, count) * count;
      }
      trainLoss.add(lossSum / rows);

      if (validation == null) {
        continue;
      }
      double loss = model.validationLoss(validation);
      validationLoss.add(loss);
      if (loss < bestLoss) {
        bestLoss = loss;
        bestEpoch = epoch;
        best = model.snapshot();
      } else if (options.stopsEarly() && epoch - bestEpoch >= options.patience()) {
        stoppedEarly = epoch + 1 < options.epochs();
        break;
      }
    }
    if (best == null) {
      bestEpoch = trainLoss.size() - 1;
    } else {
      model.restore(best);
    }
    return new TrainingHistory(trainLoss, validationLoss, bestEpoch, stoppedEarly);
  }
}

package ad.models.train;

import ad.core.Dataset;
import ad.core.Seeds;
import ad.core.Shuffle;
import ad.core.TrainingHistory;
import ad.models.network.Network;
import ad.models.network.TrainingStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * The one epoch loop of every family and engine: seeded shuffling, mini-batches, a validation loss per
 * epoch, early stopping, restoring the best weights, and stopping a run that diverges.
 *
 * <p>History: the train loss of an epoch is the mean of its mini-batches' losses weighted by their
 * rows, as measured during each update (so with dropout and noise on, while the weights move), without
 * the L2 penalty, so that it compares with the validation loss, which is measured on the held-out rows
 * with the weights at the end of the epoch. {@code bestEpoch} is the epoch whose weights were kept:
 * the lowest validation loss, or the last epoch without validation. {@code stoppedEarly} means that
 * early stopping ended training before {@code epochs} epochs had run: patience running out in the
 * last epoch stops nothing, so it is not "early".
 *
 * <p>Divergence: see {@link Divergence}; a diverging run ends with a
 * {@link ad.core.TrainingDivergedException} instead of a model.
 */
public final class TrainingLoop {
  private TrainingLoop() {}

  /**
   * Trains {@code network} on {@code parts} with {@code options}: builds its {@link TrainingStep}
   * (mini-batches of up to {@code batch_size} rows), measures the validation loss with
   * {@code validationLoss} (the family's definition, the same on every engine) and leaves the network
   * holding the kept weights.
   *
   * @param seed the fit seed; the shuffle draws from its {@code "shuffle"} stream, the network's step
   *     from the streams its engine derives
   */
  public static TrainingHistory train(Network network, Holdout parts, TrainingOptions options,
      long seed, ToDoubleFunction<Dataset> validationLoss) {
    int batchRows = Math.min(options.batchSize(), parts.train().rows());
    TrainingStep step = network.trainer(options.learningRate(), options.l2(), batchRows, seed);
    Trainable trainable = new Trainable() {
      @Override
      public double trainBatch(float[] rows, int count) {
        return step.trainBatch(rows, count);
      }

      @Override
      public double validationLoss(Dataset validation) {
        return validationLoss.applyAsDouble(validation);
      }

      @Override
      public float[] snapshot() {
        return network.snapshot();
      }

      @Override
      public void restore(float[] snapshot) {
        network.restore(snapshot);
      }
    };
    return run(trainable, parts.train(), parts.validation(), options, Seeds.derive(seed, "shuffle"));
  }

  /**
   * Trains {@code model} on {@code train}, watching {@code validation} when it is not null, and leaves
   * it holding the kept weights.
   *
   * @param shuffleSeed seeds the per-epoch shuffle of the training rows
   * @throws ad.core.TrainingDivergedException if the loss diverges
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
    Divergence divergence = new Divergence(options);

    List<Double> trainLoss = new ArrayList<>();
    List<Double> validationLoss = new ArrayList<>();
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = -1;
    float[] best = null;
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
        double loss = model.trainBatch(batch, count);
        divergence.checkBatch(epoch, loss);
        lossSum += loss * count;
      }
      double epochLoss = lossSum / rows;
      divergence.checkEpoch(epoch, epochLoss);
      trainLoss.add(epochLoss);

      if (validation == null) {
        continue;
      }
      double loss = model.validationLoss(validation);
      divergence.checkValidation(epoch, loss);
      validationLoss.add(loss);
      if (loss < bestLoss) {
        bestLoss = loss;
        bestEpoch = epoch;
        best = model.snapshot();
      } else if (options.stopsEarly() && epoch - bestEpoch >= options.patience()) {
        break;
      }
    }
    if (best == null) {
      bestEpoch = trainLoss.size() - 1;
    } else {
      model.restore(best);
    }
    return new TrainingHistory(trainLoss, validationLoss, bestEpoch,
        trainLoss.size() < options.epochs());
  }
}

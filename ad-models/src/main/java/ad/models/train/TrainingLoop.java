package ad.models.train;

import ad.core.Dataset;
import ad.core.Seeds;
import ad.core.Shuffle;
import ad.core.TrainingHistory;
import ad.models.network.Network;
import ad.models.network.RowTrim;
import ad.models.network.TrainingStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The one epoch loop of every family and engine: the seeded validation hold-out, seeded shuffling,
 * mini-batches, a validation loss per epoch, early stopping, restoring the best weights, and stopping
 * a run that diverges.
 *
 * <p>History: the train loss of an epoch is the mean of its mini-batches' losses weighted by their
 * rows, as measured during each update (so with dropout and noise on, while the weights move), without
 * the L2 penalty, so that it compares with the validation loss, which is measured on the held-out rows
 * with the weights at the end of the epoch, and trimmed as a batch is ({@link RowTrim#mean}): with
 * {@code trim}, the highest-loss share of the validation rows is left out of their mean, as it is of
 * each batch's. {@code bestEpoch} is the epoch whose weights were kept:
 * the lowest validation loss, or the last epoch without validation. {@code stoppedEarly} means that
 * early stopping ended training before {@code epochs} epochs had run: patience running out in the
 * last epoch stops nothing, so it is not "early". (The conv engine used to call that case early too;
 * the dense one did not.)
 *
 * <p>Divergence: see {@link Divergence}; a diverging run ends with a
 * {@link ad.core.TrainingDivergedException} instead of a model.
 */
public final class TrainingLoop {
  /** Training rows on which the untrained network's loss is measured, the divergence reference. */
  static final int START_ROWS = 256;

  private TrainingLoop() {}

  /**
   * Trains {@code network} on {@code data} with {@code options} and leaves it holding the kept
   * weights: holds out {@code validation_split} of the rows ({@link #holdout}), builds the network's
   * {@link TrainingStep} (mini-batches of up to {@code batch_size} rows) and measures the validation
   * loss from {@code rowLosses} (each row's loss by the family's definition, the same on every
   * engine), averaged as training averages a batch: trimmed by {@code trim} ({@link RowTrim#mean}).
   *
   * @param seed the fit seed: the hold-out and the shuffle draw from its {@code "validation-split"}
   *     and {@code "shuffle"} streams, the network's step from the streams its engine derives
   * @throws ad.core.UserException if too few rows are left to train on
   * @throws ad.core.TrainingDivergedException if the loss diverges
   */
  public static TrainingHistory train(Network network, Dataset data, TrainingOptions options,
      long seed, Function<Dataset, double[]> rowLosses) {
    Holdout parts = holdout(data, options, seed);
    int batchRows = Math.min(options.batchSize(), parts.train().rows());
    TrainingStep step = network.trainer(options.learningRate(), options.l2(), batchRows,
        options.rowTrim(), seed);
    return run(step, network, parts, options, Seeds.derive(seed, "shuffle"), rowLosses);
  }

  /** The rows {@link #train} learns from and those it validates on, for a fit seed. */
  public static Holdout holdout(Dataset data, TrainingOptions options, long seed) {
    return Holdout.split(data, options.validationSplit(), Seeds.derive(seed, "validation-split"));
  }

  /**
   * The loop itself: {@code step} trains {@code network} on {@code parts.train()}, watching
   * {@code parts.validation()} when it is not null.
   *
   * @param shuffleSeed seeds the per-epoch shuffle of the training rows
   */
  static TrainingHistory run(TrainingStep step, Network network, Holdout parts,
      TrainingOptions options, long shuffleSeed, Function<Dataset, double[]> rowLosses) {
    RowTrim trim = options.rowTrim();
    ToDoubleFunction<Dataset> validationLoss = rows -> trim.mean(rowLosses.apply(rows));
    Dataset train = parts.train();
    Dataset validation = parts.validation();
    Random shuffler = new Random(shuffleSeed);
    int rows = train.rows();
    int columns = train.columns();
    int[] order = new int[rows];
    Arrays.setAll(order, i -> i);
    int batchSize = Math.min(options.batchSize(), rows);
    float[] batch = new float[batchSize * columns];
    int[] first = new int[Math.min(rows, START_ROWS)];
    Arrays.setAll(first, i -> i);
    Divergence divergence = new Divergence(options,
        validationLoss.applyAsDouble(train.select(first)));

    List<Double> trainLoss = new ArrayList<>();
    List<Double> validationLosses = new ArrayList<>();
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = -1;
    float[] best = null;
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      if (options.shuffle()) {
        Shuffle.inPlace(order, shuffler);
      }
      double lossSum = 0;
      for (int from = 0; from < rows; from += batchSize) {
        int count = Math.min(batchSize, rows - from);
        for (int i = 0; i < count; i++) {
          train.copyRow(order[from + i], batch, i * columns);
        }
        double loss = step.trainBatch(batch, count);
        divergence.checkBatch(epoch, loss);
        lossSum += loss * count;
      }
      double epochLoss = lossSum / rows;
      divergence.checkEpoch(epoch, epochLoss);
      trainLoss.add(epochLoss);

      if (validation == null) {
        continue;
      }
      double loss = validationLoss.applyAsDouble(validation);
      divergence.checkValidation(epoch, loss);
      validationLosses.add(loss);
      if (loss < bestLoss) {
        bestLoss = loss;
        bestEpoch = epoch;
        best = network.snapshot();
      } else if (options.stopsEarly() && epoch - bestEpoch >= options.patience()) {
        break;
      }
    }
    if (best == null) {
      bestEpoch = trainLoss.size() - 1;
    } else {
      network.restore(best);
    }
    return new TrainingHistory(trainLoss, validationLosses, bestEpoch,
        trainLoss.size() < options.epochs());
  }
}

package ad.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.Dataset;
import ad.core.TrainingDivergedException;
import ad.core.TrainingHistory;
import ad.models.network.RowTrim;
import ad.models.network.Network;
import ad.models.network.ParameterArray;
import ad.models.network.TrainingStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one loop's bookkeeping on a scripted network (one batch per epoch, losses given in advance):
 * when training stops early and what that is called, which weights are kept, and when a run counts
 * as diverged.
 */
class TrainingLoopTest {
  private static final Dataset ROWS = Dataset.of("rows", 8, 1, new float[8], List.of("x"), null);

  /** One parameter, set to the epoch's number by each step, so the kept weights name their epoch. */
  private static final class Scripted implements Network {
    private final double[] trainLosses;
    private float weight = -1;
    private int epoch;

    Scripted(double... trainLosses) {
      this.trainLosses = trainLosses;
    }

    @Override
    public TrainingStep trainer(double learningRate, double l2, int batchRows, RowTrim trim,
        long seed) {
      return (rows, count) -> {
        weight = epoch;
        return trainLosses[epoch++];
      };
    }

    @Override
    public List<ParameterArray> parameters() {
      return List.of(new ParameterArray("w", new float[] {weight}));
    }

    @Override
    public void setParameters(List<ParameterArray> arrays) {
      weight = arrays.get(0).values()[0];
    }

    @Override
    public int scoringThreads() {
      return 1;
    }
  }

  private static TrainingHistory run(Scripted network, int epochs, int patience,
      double... validation) {
    TrainingOptions options = TrainingOptions.resolve(new TrainingOptions(null, epochs, 8,
        validation.length > 0 ? 0.5 : 0.0, patience, null, null, false, null),
        TrainingOptions.DEFAULTS);
    Holdout parts = validation.length > 0 ? new Holdout(ROWS, ROWS) : new Holdout(ROWS, null);
    // The first call measures the untrained network (the divergence reference): 0.1.
    int[] calls = {0};
    return TrainingLoop.run(network.trainer(0, 0, 8, RowTrim.NONE, 0), network, parts, options, 1,
        data -> new double[] {calls[0]++ == 0 ? 0.1 : validation[calls[0] - 2]});
  }

  @Test
  void earlyStoppingKeepsTheBestEpochAndSaysItStoppedEarly() {
    Scripted network = new Scripted(1, 1, 1, 1, 1, 1);
    TrainingHistory history = run(network, 6, 2, 3, 2, 2.5, 2.6, 2.7, 2.8);
    assertEquals(4, history.epochs(), "epoch 4 is the second without a better validation loss");
    assertEquals(1, history.bestEpoch());
    assertTrue(history.stoppedEarly());
    assertEquals(1f, network.weight, "the best epoch's weights are restored");
  }

  /** Patience running out in the last epoch stops nothing: every epoch ran. */
  @Test
  void runningOutOfPatienceInTheLastEpochIsNotEarly() {
    TrainingHistory history = run(new Scripted(1, 1, 1, 1), 4, 2, 3, 2, 2.5, 2.6);
    assertEquals(4, history.epochs());
    assertFalse(history.stoppedEarly());
  }

  @Test
  void withoutValidationTheLastEpochIsKept() {
    Scripted network = new Scripted(1, 0.5, 0.4);
    TrainingHistory history = run(network, 3, 0);
    assertEquals(2, history.bestEpoch());
    assertEquals(List.of(1.0, 0.5, 0.4), history.trainLoss());
    assertEquals(2f, network.weight);
  }

  @Test
  void aNonFiniteLossDiverges() {
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> run(new Scripted(0.1, Double.NaN, 0.1), 3, 0));
    assertEquals(1, e.epoch());
    assertTrue(e.getMessage().startsWith("training diverged in epoch 2: a mini-batch's training "
        + "loss became NaN; lower learning_rate"), e.getMessage());
    e = assertThrows(TrainingDivergedException.class,
        () -> run(new Scripted(0.1, 0.1), 2, 0, 1, Double.POSITIVE_INFINITY));
    assertTrue(e.getMessage().contains("the validation loss became Infinity"), e.getMessage());
  }

  /**
   * The untrained network's loss is 0.1: 100.2 is 1000 times that above it, 100 is not quite; a run
   * that blows up in its first epoch is caught there.
   */
  @Test
  void aLossFarAboveTheUntrainedNetworksDiverges() {
    run(new Scripted(0.1, 0.05, 100.0), 3, 0);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> run(new Scripted(0.1, 0.05, 100.2, 0.01), 4, 0));
    assertEquals(2, e.epoch());
    assertTrue(e.getMessage().contains("the training loss grew to 100.2, more than 1000 times the "
        + "untrained network's 0.1"), e.getMessage());
    e = assertThrows(TrainingDivergedException.class, () -> run(new Scripted(3e11, 1e11), 2, 0));
    assertEquals(0, e.epoch());
    e = assertThrows(TrainingDivergedException.class,
        () -> run(new Scripted(0.1, 0.1), 2, 0, 0.1, 500));
    assertTrue(e.getMessage().contains("the validation loss grew to 500.0"), e.getMessage());
  }

  /** A loss below its start (a Gaussian VAE's ELBO may go negative) is never a divergence. */
  @Test
  void fallingLossesNeverDiverge() {
    run(new Scripted(-2, -50, -3000), 3, 0);
    run(new Scripted(0.1, 100.09), 2, 0);
  }

  /**
   * With {@code trim}, a validation set is measured as a batch is trained: the mean over its rows
   * without the highest-loss share. A validation row a thousand times further out than the rest
   * (an anomaly in contaminated data under robust scaling) neither counts as a divergence nor picks
   * the epoch; without trim, the same losses diverge.
   */
  @Test
  void validationRowsAreTrimmedAsTrainingBatchesAre() {
    double[][] perEpoch = {
        {1, 1, 1, 1, 1, 1, 1, 1, 1, 1},                 // the untrained network
        {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 9e6},
        {0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 2e7},
        {0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 1}};
    TrainingHistory history = trimmedRun(0.2, perEpoch);
    assertEquals(List.of(0.5, 0.2, 0.3), history.validationLoss().stream()
        .map(v -> Math.round(v * 1e9) / 1e9).toList(), "the mean of the lowest 8 of 10");
    assertEquals(1, history.bestEpoch(), "the trimmed loss picks epoch 2");
    assertThrows(TrainingDivergedException.class, () -> trimmedRun(0.0, perEpoch));
  }

  private static TrainingHistory trimmedRun(double trim, double[][] perEpoch) {
    TrainingOptions options = TrainingOptions.resolve(new TrainingOptions(null, 3, 8, 0.5, 5, null,
        null, trim, false, null), TrainingOptions.DEFAULTS);
    Scripted network = new Scripted(1, 1, 1);
    int[] calls = {0};
    return TrainingLoop.run(network.trainer(0, 0, 8, options.rowTrim(), 0), network,
        new Holdout(ROWS, ROWS), options, 1, data -> perEpoch[calls[0]++]);
  }
}

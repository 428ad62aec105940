package ad.models.recon;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.TrainingHistory;
import ad.core.persist.StateWriter;
import ad.models.network.Network;
import ad.models.network.ParameterArray;
import ad.models.network.Reconstructor;
import ad.models.nn.Workers;
import ad.models.state.CheckedState;
import ad.models.state.HistoryState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one base of every trained network's model: checks the input, scores, explains and reconstructs
 * in batches of {@link Reconstructor#BATCH_ROWS} rows spread over the network's scoring threads (each
 * with its own passes, {@link #openScorer()}), and saves the input, the parameter arrays and the
 * training history. A subclass says what a batch's scores and errors are.
 *
 * <p>Immutable and thread-safe: the network is not changed after training, and every call opens its
 * own passes, so concurrent calls neither block each other nor share state. Results do not depend on
 * the number of threads: batch boundaries are fixed and each batch is computed the same way.
 *
 * <p>State: what the {@link ModelInput} writes (e.g. {@code columns}), what
 * {@link #saveSettings} adds, each parameter array under its key (see
 * {@link Network#parameters()}) and the history ({@link HistoryState}).
 */
public abstract class ReconstructionModel implements DetectorModel {
  private final ModelInput input;
  private final Network network;
  private final TrainingHistory history;

  protected ReconstructionModel(ModelInput input, Network network, TrainingHistory history) {
    this.input = input;
    this.network = network;
    this.history = history;
  }

  /** One scoring thread's computations on batches of rows, row-major, at most BATCH_ROWS each. */
  protected interface BatchScorer {

    /** Writes the score of each of {@code count} rows into {@code out} from index {@code first}. */
    void scores(float[] rows, int count, double[] out, int first);

    /** Writes each feature's error, row-major, into {@code out} from row {@code first}. */
    void errors(float[] rows, int count, float[] out, int first);

    /** Writes each row's reconstruction into {@code out} from row {@code first}. */
    void reconstructions(float[] rows, int count, float[] out, int first);
  }

  /** Passes of its own for one thread. */
  protected abstract BatchScorer openScorer();

  /** Adds to the state what scoring needs besides the options and parameters (e.g. a seed). */
  protected void saveSettings(StateWriter out) {}

  @Override
  public final Scores score(Dataset data) {
    input.require(data);
    double[] out = new double[data.rows()];
    forEachBatch(data, (scorer, rows, first, count) -> scorer.scores(rows, count, out, first));
    return new Scores(out);
  }

  /** The error of every feature of every row, as the subclass defines it. */
  @Override
  public final Optional<FeatureErrors> explain(Dataset data) {
    input.require(data);
    float[] out = new float[Math.multiplyExact(data.rows(), data.columns())];
    forEachBatch(data, (scorer, rows, first, count) -> scorer.errors(rows, count, out, first));
    return Optional.of(new FeatureErrors(data.rows(), data.columns(), out,
        input.featureNames(data)));
  }

  /** The reconstruction of every row, in the scaled space the network was trained in. */
  @Override
  public final Optional<Dataset> reconstruct(Dataset data) {
    input.require(data);
    float[] out = new float[Math.multiplyExact(data.rows(), data.columns())];
    forEachBatch(data, (scorer, rows, first, count) -> scorer.reconstructions(rows, count, out,
        first));
    return Optional.of(data.withValues(out));
  }

  @Override
  public final Optional<TrainingHistory> trainingHistory() {
    return Optional.ofNullable(history);
  }

  @Override
  public final boolean canSave() {
    return true;
  }

  @Override
  public final void save(StateWriter out) {
    input.save(out);
    saveSettings(out);
    for (ParameterArray array : network.parameters()) {
      out.floats(array.key(), array.values());
    }
    HistoryState.write(out, history);
  }

  /**
   * Sets {@code network}'s parameters from the arrays {@link #save} wrote, each checked against the
   * length the network (built from the same options and input) has for it.
   */
  public static void loadParameters(CheckedState state, Network network) {
    List<ParameterArray> arrays = new ArrayList<>();
    for (ParameterArray expected : network.parameters()) {
      arrays.add(new ParameterArray(expected.key(),
          state.floats(expected.key(), expected.values().length)));
    }
    network.setParameters(arrays);
  }

  private interface BatchTask {
    void run(BatchScorer scorer, float[] rows, int first, int count);
  }

  private void forEachBatch(Dataset data, BatchTask task) {
    int columns = data.columns();
    int bufferRows = Math.min(Reconstructor.BATCH_ROWS, Math.max(1, data.rows()));
    Workers.forEachBatch(data.rows(), Reconstructor.BATCH_ROWS, network.scoringThreads(), () -> {
      BatchScorer scorer = openScorer();
      float[] rows = new float[bufferRows * columns];
      return (first, count) -> {
        data.copyRows(first, count, rows);
        task.run(scorer, rows, first, count);
      };
    });
  }
}

package ad.models.dense;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.TrainingHistory;
import ad.core.persist.StateWriter;
import ad.models.engine.MlpState;
import ad.models.state.HistoryState;
import ad.models.train.InputWidth;
import ad.models.train.Residual;
import java.util.Optional;

/**
 * A trained dense autoencoder. Score = mean reconstruction error of each row: squared by default,
 * absolute if its {@link Residual} says so.
 *
 * <p>Immutable and thread-safe: the weights are a private copy, and every {@link #score} or
 * {@link #explain} call opens its own networks from them (one per scoring thread), so concurrent calls
 * neither block each other nor share state.
 */
final class DenseAutoencoderModel implements DetectorModel {
  private final EngineReconstructors network;
  private final TrainingHistory history;
  private final Residual residual;

  DenseAutoencoderModel(EngineReconstructors network, TrainingHistory history, Residual residual) {
    this.network = network;
    this.history = history;
    this.residual = residual;
  }

  /** The trained weights, for tests that recompute scores by hand. */
  ReconstructorSource network() {
    return network;
  }

  @Override
  public Scores score(Dataset data) {
    requireColumns(data);
    if (data.rows() == 0) {
      return new Scores(new double[0]);
    }
    return new Scores(ReconstructionErrors.rowMeans(network, data, residual));
  }

  /** The error of every cell; each row's mean is its score. */
  @Override
  public Optional<FeatureErrors> explain(Dataset data) {
    requireColumns(data);
    float[] errors = data.rows() == 0 ? new float[0]
        : ReconstructionErrors.perFeature(network, data, residual);
    return Optional.of(new FeatureErrors(data.rows(), data.columns(), errors, data.featureNames()));
  }

  /** The network's output for each row, in the scaled space it was trained in. */
  @Override
  public Optional<Dataset> reconstruct(Dataset data) {
    requireColumns(data);
    return Optional.of(data.withValues(data.rows() == 0 ? new float[0]
        : ReconstructionErrors.reconstructions(network, data)));
  }

  @Override
  public Optional<TrainingHistory> trainingHistory() {
    return Optional.of(history);
  }

  @Override
  public boolean canSave() {
    return true;
  }

  /** State: {@code columns} (the input width), the network's layers, the training history. */
  @Override
  public void save(StateWriter out) {
    out.ints("columns", new int[] {network.columns()});
    MlpState.write(out, "", network.weights());
    HistoryState.write(out, history);
  }

  private void requireColumns(Dataset data) {
    InputWidth.require(data, network.columns());
  }
}

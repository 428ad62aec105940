package ad.models.vae;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.TrainingHistory;
import ad.core.persist.StateReader;
import ad.core.persist.StateWriter;
import ad.models.engine.Activation;
import ad.models.state.CheckedState;
import ad.models.state.HistoryState;
import ad.models.train.InputWidth;
import java.util.Optional;

/**
 * A trained VAE. Immutable and thread-safe: it keeps a private copy of the weights and every call
 * scores on copies of its own (one per scoring thread). Scores are reproducible: the Monte Carlo
 * draws of a row depend only on the fit seed's {@code "score"} stream and the row (see
 * {@code LatentNoise}).
 */
final class VaeModel implements DetectorModel {
  private final VaeNetwork weights;
  private final Likelihood likelihood;
  private final double beta;
  private final VaeScore score;
  private final int samples;
  private final long scoreSeed;
  private final TrainingHistory history;

  VaeModel(VaeNetwork trained, VariationalAutoencoderOptions options, long scoreSeed,
      TrainingHistory history) {
    this.weights = trained.copy();
    this.likelihood = options.likelihood();
    this.beta = options.beta();
    this.score = VaeScore.named(options.score());
    this.samples = options.samples();
    this.scoreSeed = scoreSeed;
    this.history = history;
  }

  @Override
  public Scores score(Dataset data) {
    requireColumns(data);
    return new Scores(VaeScorer.scores(weights, likelihood, beta, scoreSeed, samples, data, score));
  }

  @Override
  public Optional<FeatureErrors> explain(Dataset data) {
    requireColumns(data);
    return Optional.of(new FeatureErrors(data.rows(), data.columns(),
        VaeScorer.featureErrors(weights, likelihood, data, score), data.featureNames()));
  }

  /** The decoded mean at {@code z = mu} for each row: the reconstruction the error score uses. */
  @Override
  public Optional<Dataset> reconstruct(Dataset data) {
    requireColumns(data);
    return Optional.of(data.withValues(VaeScorer.reconstructions(weights, likelihood, data)));
  }

  @Override
  public Optional<TrainingHistory> trainingHistory() {
    return Optional.of(history);
  }

  @Override
  public boolean canSave() {
    return true;
  }

  /**
   * State: {@code columns} (the input width), the network (see {@link VaeNetwork#save}),
   * {@code score_seed} (what every row's Monte Carlo draws derive from, so a loaded model draws the
   * same) and the training history. Likelihood, beta, score and samples come from the options.
   */
  @Override
  public void save(StateWriter out) {
    out.ints("columns", new int[] {weights.columns()});
    weights.save(out);
    CheckedState.writeSeed(out, "score_seed", scoreSeed);
    HistoryState.write(out, history);
  }

  static VaeModel load(StateReader in, VariationalAutoencoderOptions options) {
    CheckedState state = new CheckedState(in, "variational_autoencoder");
    VaeNetwork net = VaeNetwork.load(state, state.positive("columns"), options.hiddenLayers(),
        options.latentDim(), Activation.named(options.activation()));
    return new VaeModel(net, options, state.seed("score_seed"), HistoryState.read(state));
  }

  private void requireColumns(Dataset data) {
    InputWidth.require(data, weights.columns());
  }
}

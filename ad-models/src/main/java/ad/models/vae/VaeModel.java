package ad.models.vae;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.TrainingHistory;
import ad.core.UserException;
import java.util.Optional;

/**
 * A trained VAE. Immutable and thread-safe: it keeps a private copy of the weights and every call
 * scores on copies of its own (one per scoring thread). Scores are reproducible: the Monte Carlo draws of a row depend only on
 * the fit seed and the row (see {@code LatentNoise}).
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

  @Override
  public Optional<TrainingHistory> trainingHistory() {
    return Optional.of(history);
  }

  private void requireColumns(Dataset data) {
    if (data.columns() != weights.columns()) {
      throw new UserException("model was trained on " + weights.columns() + " features but '"
          + data.name() + "' has " + data.columns());
    }
  }
}

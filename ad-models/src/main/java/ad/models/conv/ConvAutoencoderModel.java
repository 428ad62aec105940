package ad.models.conv;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.TrainingHistory;
import java.util.Optional;

/**
 * A trained convolutional autoencoder. Its weights never change after training, and every call makes
 * its own buffers, so it may score from several threads at once.
 */
final class ConvAutoencoderModel implements DetectorModel {
  private final Network network;
  private final InputLayout layout;
  private final TrainingHistory history;
  private final int threads;

  ConvAutoencoderModel(Network network, InputLayout layout, TrainingHistory history, int threads) {
    this.network = network;
    this.layout = layout;
    this.history = history;
    this.threads = threads;
  }

  @Override
  public Scores score(Dataset data) {
    layout.check(data);
    try (Workers workers = new Workers(threads)) {
      float[] errors = Reconstruction.errors(network, layout, data, workers, false);
      double[] scores = new double[errors.length];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = errors[i];
      }
      return new Scores(scores);
    }
  }

  @Override
  public Optional<FeatureErrors> explain(Dataset data) {
    layout.check(data);
    try (Workers workers = new Workers(threads)) {
      float[] errors = Reconstruction.errors(network, layout, data, workers, true);
      return Optional.of(new FeatureErrors(data.rows(), layout.features(), errors,
          layout.featureNames()));
    }
  }

  @Override
  public Optional<TrainingHistory> trainingHistory() {
    return Optional.of(history);
  }
}

package ad.models.dense;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Seeds;
import java.util.Objects;

/**
 * A fully connected autoencoder trained with Adam on the mean squared reconstruction error; a row's
 * anomaly score is its mean squared reconstruction error.
 *
 * <p>The network is {@code columns -> hidden_layers... -> columns}. With {@code validation_split > 0}
 * a seeded fraction of the training rows is held out: its loss is recorded per epoch, the weights of
 * the best epoch are kept, and {@code patience} can stop training early.
 *
 * <p>Training history: the train loss of an epoch is the mean of its mini-batches' MSE (weighted by
 * their rows) as DL4J measures it during each update, so with dropout on and while the weights move,
 * not a second pass over the training rows; the L2 penalty is left out so that it compares with the
 * validation loss, the MSE of the held-out rows with the weights at the end of the epoch and no
 * dropout. {@code bestEpoch} is the epoch whose weights were kept: the lowest validation loss, or the
 * last epoch without validation.
 *
 * <p>The model is immutable and may score from several threads at once (see
 * {@code DenseAutoencoderModel}).
 */
public final class DenseAutoencoder implements Detector {
  private final DenseAutoencoderOptions options;

  public DenseAutoencoder(DenseAutoencoderOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public DenseAutoencoderOptions options() {
    return options;
  }

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    Detector.requireNormalOnly(train);
    Holdout parts = holdout(train, options, seed);
    TrainedAutoencoder trained =
        Dl4jDenseTrainer.train(parts.train(), parts.validation(), options, seed);
    return new DenseAutoencoderModel(trained.network(), trained.history());
  }

  /** The split {@link #fit} makes: visible to tests, which check the restored weights against it. */
  static Holdout holdout(Dataset train, DenseAutoencoderOptions options, long seed) {
    return Holdout.split(train, options.validationSplit(), Seeds.derive(seed, "validation-split"));
  }

  @Override
  public String toString() {
    return "DenseAutoencoder(" + options + ")";
  }
}

package ad.models.dense;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.persist.StateReader;
import ad.models.train.Holdout;
import java.util.Objects;

/**
 * A fully connected autoencoder trained with Adam on the mean squared reconstruction error; a row's
 * anomaly score is its mean squared reconstruction error.
 *
 * <p>The network is {@code columns -> hidden_layers... -> columns}. With {@code validation_split > 0}
 * a seeded fraction of the training rows is held out: its loss is recorded per epoch, the weights of
 * the best epoch are kept, and {@code patience} can stop training early.
 *
 * <p>Trained on the lean engine ({@link ad.models.engine}) by the shared loop
 * ({@link ad.models.train.TrainingLoop}, which defines the training history). Dropout drops hidden
 * units (inverted dropout); the input and the output are never dropped.
 *
 * <p>The model is immutable and may score from several threads at once (see
 * {@code DenseAutoencoderModel}).
 */
public record DenseAutoencoder(DenseAutoencoderOptions options) implements Detector {

  public DenseAutoencoder {
    Objects.requireNonNull(options, "options");
  }

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    Detector.requireNormalOnly(train);
    return DenseTraining.fit(train, seed, options, null);
  }

  /** The split {@link #fit} makes: visible to tests, which check the restored weights against it. */
  static Holdout holdout(Dataset train, DenseAutoencoderOptions options, long seed) {
    return DenseTraining.holdout(train, options, seed);
  }

  @Override
  public DetectorModel load(StateReader in) {
    return DenseTraining.load(in, "dense_autoencoder", options);
  }
}

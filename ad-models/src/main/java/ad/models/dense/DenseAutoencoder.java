package ad.models.dense;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.persist.StateReader;
import java.util.Objects;

/**
 * A fully connected autoencoder trained with Adam on the mean squared reconstruction error; a row's
 * anomaly score is its mean squared (or, with {@code residual: absolute}, absolute) reconstruction
 * error.
 *
 * <p>The network is {@code columns -> hidden_layers... -> columns}. With {@code validation_split > 0}
 * a seeded fraction of the training rows is held out: its loss is recorded per epoch, the weights of
 * the best epoch are kept, and {@code patience} can stop training early. Dropout drops hidden units
 * (inverted dropout); the input and the output are never dropped.
 *
 * <p>With an {@code ensemble:} block, several such networks, each from its own seed (and rows and
 * features), scored together ({@link ad.models.ensemble.Ensemble}).
 *
 * <p>The model is immutable and may score from several threads at once.
 */
public record DenseAutoencoder(DenseAutoencoderOptions options) implements Detector {

  public DenseAutoencoder {
    Objects.requireNonNull(options, "options");
    DenseFit.engine(options);
  }

  static final String TYPE = "dense_autoencoder";

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    return DenseFit.ensemble(options, TYPE).fit(train, seed,
        (rows, memberSeed) -> DenseFit.fit(rows, memberSeed, options, null));
  }

  @Override
  public DetectorModel load(StateReader in) {
    return DenseFit.ensemble(options, TYPE).load(in, state -> DenseFit.load(state, TYPE, options));
  }
}

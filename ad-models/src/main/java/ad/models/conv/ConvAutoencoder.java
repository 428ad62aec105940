package ad.models.conv;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Seeds;
import ad.core.persist.StateReader;
import ad.models.train.Holdout;
import ad.models.train.Residual;
import java.util.Objects;

/**
 * A convolutional autoencoder for images ({@code height x width x channels}) and windows of
 * multichannel series ({@code steps x channels}); a row's anomaly score is its mean squared (or, with
 * {@code residual: absolute}, absolute) reconstruction error, and {@code explain} gives that error for
 * every pixel and channel (or step and channel).
 *
 * <p>The encoder is a convolution per entry of {@code filters} ("same" padding, then the activation
 * and, with {@code pooling: max}, a 2x2 max pool; 1-D for series); the decoder retraces its sizes,
 * upsampling by repetition and a convolution or by a transposed convolution, back to the input's
 * channels with {@code output_activation}. With {@code code_size} a dense bottleneck sits between
 * them: the encoder's last map, flattened, to {@code code_size} units and back. Training: Adam on the MSE, with the shared options
 * (validation split with best-weights restore and patience, dropout, L2, seeded shuffle). See
 * {@link ConvAutoencoderOptions}.
 */
public record ConvAutoencoder(ConvAutoencoderOptions options) implements Detector {

  public ConvAutoencoder {
    Objects.requireNonNull(options, "options");
  }

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    Detector.requireNormalOnly(train);
    InputLayout layout = InputLayout.resolve(options.inputShape(), train);
    Holdout parts = Holdout.split(train, options.validationSplit(),
        Seeds.derive(seed, "validation-split"));
    try (Workers workers = new Workers(options.threads())) {
      ConvTrainer.Result result = ConvTrainer.train(layout, parts, options, seed, workers);
      return new ConvAutoencoderModel(result.network(), layout, result.history(), options.threads(),
          Residual.named(options.residual()));
    }
  }

  @Override
  public DetectorModel load(StateReader in) {
    return ConvAutoencoderModel.load(in, options);
  }
}

package ad.models.conv;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.TrainingHistory;
import ad.core.persist.StateReader;
import ad.models.ensemble.Ensemble;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.ConvArchitecture;
import ad.models.network.InputLayout;
import ad.models.network.NetworkEngine;
import ad.models.recon.AutoencoderModel;
import ad.models.recon.LayoutInput;
import ad.models.recon.ReconstructionModel;
import ad.models.state.CheckedState;
import ad.models.state.HistoryState;
import ad.models.train.TrainingLoop;
import ad.models.train.TrainingMemory;
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
 * them: the encoder's last map, flattened, to {@code code_size} units and back. Training: Adam on the
 * MSE with the shared loop and options. See {@link ConvAutoencoderOptions}.
 */
public record ConvAutoencoder(ConvAutoencoderOptions options) implements Detector {
  /** The detector type, as the registry and messages name it. */
  static final String TYPE = "conv_autoencoder";

  public ConvAutoencoder {
    Objects.requireNonNull(options, "options");
    engine(options);
  }

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    return new Ensemble(options.ensemble().ensemble(), TYPE).fit(train, seed, this::fitOne);
  }

  /** One network of {@code seed} on {@code train}. */
  private DetectorModel fitOne(Dataset train, long seed) {
    Detector.requireNormalOnly(train);
    InputLayout layout = LayoutInput.resolve(TYPE, options.inputShape(), train);
    ConvArchitecture architecture = options.architecture(layout);
    TrainingMemory.require(architecture, options.training(), "filters, code_size");
    AutoencoderNetwork network = engine(options).conv(architecture, seed);
    TrainingHistory history = TrainingLoop.train(network, train, options.training(), seed,
        validation -> AutoencoderModel.squaredErrors(network, validation));
    return new AutoencoderModel(new LayoutInput(TYPE, layout, network.parameters().size()), network,
        history,
        options.residual());
  }

  /** The saved model: one network, or the ensemble's members, each as {@link #loadOne}. */
  @Override
  public DetectorModel load(StateReader in) {
    return new Ensemble(options.ensemble().ensemble(), TYPE).load(in, this::loadOne);
  }

  /**
   * Rebuilds the network that the options give for the saved layout (its initial weights are
   * overwritten) and fills in the saved parameters, each checked against the array it replaces.
   */
  private DetectorModel loadOne(StateReader in) {
    CheckedState state = new CheckedState(in, TYPE);
    InputLayout layout = LayoutInput.read(state, options.inputShape());
    AutoencoderNetwork network;
    try {
      network = engine(options).conv(options.architecture(layout), 0L);
    } catch (IllegalArgumentException | ad.core.UserException e) {
      throw state.corrupt("the options do not give a network for layout " + layout + ": "
          + e.getMessage());
    }
    int arrays = network.parameters().size();
    LayoutInput.requireParameterArrays(state, layout, arrays);
    ReconstructionModel.loadParameters(state, network);
    return new AutoencoderModel(new LayoutInput(TYPE, layout, arrays), network,
        HistoryState.read(state),
        options.residual());
  }

  private static NetworkEngine engine(ConvAutoencoderOptions options) {
    return options.training().engine().implementation();
  }
}

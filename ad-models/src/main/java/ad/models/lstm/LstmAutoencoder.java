package ad.models.lstm;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.TrainingHistory;
import ad.core.UserException;
import ad.core.persist.StateReader;
import ad.models.ensemble.Ensemble;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.InputLayout;
import ad.models.network.LstmArchitecture;
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
 * An LSTM autoencoder for windows of multichannel series ({@code steps x channels}; Malhotra et al.
 * 2016): an encoder LSTM stack reads the window and keeps its final state as the code, which is
 * repeated over the steps for a decoder LSTM stack, and a dense layer per step gives the channels
 * back. A window's score is its mean squared (or, with {@code residual: absolute}, absolute)
 * reconstruction error; {@code explain} gives the error of every step and channel. Trained with the
 * shared loop and options, on either engine. Scored, saved and loaded as the convolutional
 * autoencoder: series pipelines map window scores to points. See {@link LstmAutoencoderOptions}.
 */
public record LstmAutoencoder(LstmAutoencoderOptions options) implements Detector {
  /** The detector type, as the registry and messages name it. */
  static final String TYPE = "lstm_autoencoder";

  public LstmAutoencoder {
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
    if (!layout.series()) {
      throw new UserException(TYPE + " takes series windows [steps, channels], but '" + train.name()
          + "' has images " + layout + "; use conv_autoencoder for images");
    }
    LstmArchitecture architecture = options.architecture(layout);
    TrainingMemory.require(architecture, options.training(), "hidden_layers");
    AutoencoderNetwork network = engine(options).lstm(architecture, seed);
    TrainingHistory history = TrainingLoop.train(network, train, options.training(), seed,
        validation -> AutoencoderModel.squaredErrors(network, validation));
    return new AutoencoderModel(new LayoutInput(TYPE, layout, network.parameters().size()), network,
        history, options.residual());
  }

  /** The saved model: one network, or the ensemble's members, each as {@link #loadOne}. */
  @Override
  public DetectorModel load(StateReader in) {
    return new Ensemble(options.ensemble().ensemble(), TYPE).load(in, this::loadOne);
  }

  /** Rebuilds the network the options give for the saved layout and fills in its parameters. */
  private DetectorModel loadOne(StateReader in) {
    CheckedState state = new CheckedState(in, TYPE);
    InputLayout layout = LayoutInput.read(state, options.inputShape());
    if (!layout.series()) {
      throw state.corrupt("the saved layout " + layout + " is not a series window");
    }
    AutoencoderNetwork network = engine(options).lstm(options.architecture(layout), 0L);
    int arrays = network.parameters().size();
    LayoutInput.requireParameterArrays(state, layout, arrays);
    ReconstructionModel.loadParameters(state, network);
    return new AutoencoderModel(new LayoutInput(TYPE, layout, arrays), network,
        HistoryState.read(state), options.residual());
  }

  private static NetworkEngine engine(LstmAutoencoderOptions options) {
    return options.training().engine().implementation();
  }
}

package ad.models.dense;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Seeds;
import ad.core.TrainingHistory;
import ad.core.persist.StateReader;
import ad.models.ensemble.Ensemble;
import ad.models.network.AutoencoderNetwork;
import ad.models.network.DenseArchitecture;
import ad.models.network.InputNoise;
import ad.models.network.NetworkEngine;
import ad.models.recon.AutoencoderModel;
import ad.models.recon.CodeDensityModel;
import ad.models.recon.Columns;
import ad.models.recon.ReconstructionModel;
import ad.models.state.CheckedState;
import ad.models.state.HistoryState;
import ad.models.train.TrainingLoop;
import ad.models.train.TrainingMemory;

/**
 * Fits and loads a dense autoencoder, plain or denoising: the architecture from the options, the
 * network from the chosen engine, the shared training loop, the shared model.
 *
 * <p>Randomness, each from its own stream of the fit seed: the validation split
 * ({@code "validation-split"}) and the per-epoch shuffle ({@code "shuffle"}) in the loop, and in the
 * engine the weights, dropout masks and input noise (the native engine: {@code "init"},
 * {@code "dropout"}, {@code "noise"}). The same data and seed give bit-identical weights, on any
 * thread.
 */
final class DenseFit {
  private DenseFit() {}

  /** @param noise the input noise of a denoising autoencoder, or null */
  static DetectorModel fit(Dataset train, long seed, DenseAutoencoderOptions options,
      InputNoise noise) {
    Detector.requireNormalOnly(train);
    DenseArchitecture architecture = options.architecture(train.columns(), noise);
    TrainingMemory.require(architecture, options.training(), "hidden_layers");
    AutoencoderNetwork network = engine(options).dense(architecture, seed);
    TrainingHistory history = TrainingLoop.train(network, train, options.training(), seed,
        validation -> AutoencoderModel.squaredErrors(network, validation));
    AutoencoderModel model = new AutoencoderModel(new Columns(train.columns()), network, history,
        options.residual());
    if (options.codeNeighbours() == 0) {
      return model;
    }
    return CodeDensityModel.fit(model, network, architecture.codeWidth(), train,
        options.codeNeighbours(), options.codeReferenceRows(), Seeds.derive(seed, "code-neighbours"));
  }

  /**
   * Rebuilds a model that {@link AutoencoderModel#save} wrote, for a detector of {@code type}. The
   * noise exists only in training, so a denoising autoencoder loads as a plain one.
   */
  static DetectorModel load(StateReader in, String type, DenseAutoencoderOptions options) {
    CheckedState state = new CheckedState(in, type);
    Columns columns = Columns.read(state);
    DenseArchitecture architecture = options.architecture(columns.count(), null);
    AutoencoderNetwork network = engine(options).dense(architecture, 0L);
    ReconstructionModel.loadParameters(state, network);
    AutoencoderModel model = new AutoencoderModel(columns, network, HistoryState.read(state),
        options.residual());
    if (options.codeNeighbours() == 0 || !CodeDensityModel.savedIn(in)) {
      return model;
    }
    return CodeDensityModel.load(in, type, model, network, architecture.codeWidth(),
        options.codeNeighbours());
  }

  /** The ensemble the options describe, for a detector of {@code type}. */
  static Ensemble ensemble(DenseAutoencoderOptions options, String type) {
    return new Ensemble(options.ensemble(), type);
  }

  static NetworkEngine engine(DenseAutoencoderOptions options) {
    return options.training().engine().implementation();
  }
}

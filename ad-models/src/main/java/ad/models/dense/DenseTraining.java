package ad.models.dense;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Seeds;
import ad.core.TrainingHistory;
import ad.core.persist.StateReader;
import ad.models.engine.Activation;
import ad.models.engine.Mlp;
import ad.models.engine.MlpState;
import ad.models.state.CheckedState;
import ad.models.state.HistoryState;
import ad.models.train.Holdout;
import ad.models.train.Residual;
import ad.models.train.TrainingLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a dense autoencoder, plain or denoising: builds the network, runs the shared training loop,
 * and wraps the kept weights as a model.
 *
 * <p>Randomness, each from its own stream of the fit seed: the validation split
 * ({@code "validation-split"}), weight initialisation ({@code "init"}), the per-epoch shuffle
 * ({@code "shuffle"}), dropout masks ({@code "dropout"}) and input noise ({@code "noise"}). The same
 * data and seed give bit-identical weights, on any thread.
 */
final class DenseTraining {
  private DenseTraining() {}

  static DetectorModel fit(Dataset train, long seed, DenseAutoencoderOptions options,
      Corruption corruption) {
    Holdout parts = holdout(train, options, seed);
    Mlp net = Mlp.xavier(widths(train.columns(), options), Activation.named(options.activation()),
        Activation.named(options.outputActivation()), Seeds.derive(seed, "init"));
    int batchSize = Math.min(options.batchSize(), parts.train().rows());
    AutoencoderTraining training = new AutoencoderTraining(net, options, batchSize, corruption,
        Seeds.derive(seed, "dropout"), Seeds.derive(seed, "noise"));
    TrainingHistory history = TrainingLoop.run(training, parts.train(), parts.validation(),
        options.training(), Seeds.derive(seed, "shuffle"));
    return new DenseAutoencoderModel(new EngineReconstructors(net), history,
        Residual.named(options.residual()));
  }

  /** Rebuilds a model that {@link DenseAutoencoderModel#save} wrote, for a detector of {@code type}. */
  static DetectorModel load(StateReader in, String type, DenseAutoencoderOptions options) {
    CheckedState state = new CheckedState(in, type);
    int columns = state.positive("columns");
    Mlp net = MlpState.read(state, "", widths(columns, options), Activation.named(options.activation()),
        Activation.named(options.outputActivation()));
    return new DenseAutoencoderModel(new EngineReconstructors(net), HistoryState.read(state),
        Residual.named(options.residual()));
  }

  /** {@code columns -> hidden_layers... -> columns}. */
  private static List<Integer> widths(int columns, DenseAutoencoderOptions options) {
    List<Integer> widths = new ArrayList<>();
    widths.add(columns);
    widths.addAll(options.hiddenLayers());
    widths.add(columns);
    return widths;
  }

  /** The split {@link #fit} makes: visible to tests, which check the restored weights against it. */
  static Holdout holdout(Dataset train, DenseAutoencoderOptions options, long seed) {
    return Holdout.split(train, options.validationSplit(), Seeds.derive(seed, "validation-split"));
  }
}

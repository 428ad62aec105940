package ad.models.dense;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.Seeds;
import ad.core.TrainingHistory;
import ad.models.engine.Activation;
import ad.models.engine.Mlp;
import ad.models.train.Holdout;
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
    int columns = train.columns();
    List<Integer> widths = new ArrayList<>();
    widths.add(columns);
    widths.addAll(options.hiddenLayers());
    widths.add(columns);
    Mlp net = Mlp.xavier(widths, Activation.named(options.activation()),
        Activation.named(options.outputActivation()), Seeds.derive(seed, "init"));
    int batchSize = Math.min(options.batchSize(), parts.train().rows());
    AutoencoderTraining training = new AutoencoderTraining(net, options, batchSize, corruption,
        Seeds.derive(seed, "dropout"), Seeds.derive(seed, "noise"));
    TrainingHistory history = TrainingLoop.run(training, parts.train(), parts.validation(),
        options.training(), Seeds.derive(seed, "shuffle"));
    return new DenseAutoencoderModel(new EngineReconstructors(net), history);
  }

  /** The split {@link #fit} makes: visible to tests, which check the restored weights against it. */
  static Holdout holdout(Dataset train, DenseAutoencoderOptions options, long seed) {
    return Holdout.split(train, options.validationSplit(), Seeds.derive(seed, "validation-split"));
  }
}

package ad.models.vae;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Seeds;
import ad.core.TrainingHistory;
import ad.core.UserException;
import ad.core.persist.StateReader;
import ad.models.ensemble.Ensemble;
import ad.models.network.Likelihood;
import ad.models.network.NetworkEngine;
import ad.models.network.VaeArchitecture;
import ad.models.network.VariationalNetwork;
import ad.models.train.TrainingLoop;
import ad.models.train.TrainingMemory;
import java.util.Objects;

/**
 * A variational autoencoder (Kingma and Welling 2014) trained with Adam on the negative ELBO,
 * {@code reconstruction NLL + beta * KL}, with the reparameterisation trick; scored by reconstruction
 * probability, reconstruction error or negative ELBO (see {@link VariationalAutoencoderOptions}).
 *
 * <p>Randomness, each from its own stream of the fit seed: the validation split
 * ({@code "validation-split"}), the shuffle ({@code "shuffle"}), the scoring draws ({@code "score"},
 * per row), and in the engine the initialisation, dropout and the training draws of {@code eps} (the
 * native engine: {@code "init-encoder"}, {@code "init-decoder"}, {@code "dropout"}, {@code "latent"}).
 *
 * <p>The validation loss is the training objective, computed as the {@code negative_elbo} score with
 * one latent draw per row (seeded per row, so it is comparable between epochs) and no dropout.
 */
public record VariationalAutoencoder(VariationalAutoencoderOptions options) implements Detector {

  public VariationalAutoencoder {
    Objects.requireNonNull(options, "options");
    engine(options);
  }

  static final String TYPE = "variational_autoencoder";

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    return new Ensemble(options.ensemble(), TYPE).fit(train, seed, this::fitOne);
  }

  /** One network of {@code seed} on {@code train}. */
  private DetectorModel fitOne(Dataset train, long seed) {
    Detector.requireNormalOnly(train);
    if (options.reconstruction() == Likelihood.BERNOULLI) {
      requireUnitInterval(train);
    }
    VaeArchitecture architecture = options.architecture(train.columns());
    TrainingMemory.require(architecture, options.training(), "hidden_layers, latent_dim");
    VariationalNetwork network = engine(options).variational(architecture, seed);
    long scoreSeed = Seeds.derive(seed, "score");
    TrainingHistory history = TrainingLoop.train(network, train, options.training(), seed,
        validation -> VaeScorer.negativeElbos(network, options.reconstruction(), options.beta(),
            scoreSeed, validation));
    return new VaeModel(network, options, scoreSeed, history);
  }

  private static void requireUnitInterval(Dataset train) {
    float[] row = new float[train.columns()];
    for (int r = 0; r < train.rows(); r++) {
      train.copyRow(r, row, 0);
      for (int c = 0; c < row.length; c++) {
        float v = row[c];
        if (!(v >= 0 && v <= 1)) {
          throw new UserException("reconstruction: bernoulli needs every input in [0, 1], but '"
              + train.name() + "' has " + v + " at row " + (r + 1) + ", feature '"
              + train.featureNames().get(c) + "'; scale the data to [0, 1] (min-max) or use "
              + "reconstruction: gaussian");
        }
      }
    }
  }

  @Override
  public DetectorModel load(StateReader in) {
    return new Ensemble(options.ensemble(), TYPE).load(in, state -> VaeModel.load(state, options));
  }

  static NetworkEngine engine(VariationalAutoencoderOptions options) {
    return options.training().engine().implementation();
  }
}

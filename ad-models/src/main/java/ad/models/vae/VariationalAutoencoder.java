package ad.models.vae;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.persist.StateReader;
import ad.core.Seeds;
import ad.core.TrainingHistory;
import ad.core.UserException;
import ad.models.engine.Activation;
import ad.models.train.Holdout;
import ad.models.train.TrainingLoop;
import java.util.Objects;

/**
 * A variational autoencoder (Kingma and Welling 2014) trained with Adam on the negative ELBO,
 * {@code reconstruction NLL + beta * KL}, with the reparameterisation trick; scored by reconstruction
 * probability, reconstruction error or negative ELBO (see {@link VariationalAutoencoderOptions}).
 *
 * <p>Randomness, each from its own stream of the fit seed: the validation split
 * ({@code "validation-split"}), the encoder's and decoder's initialisation ({@code "init-encoder"},
 * {@code "init-decoder"}), the shuffle ({@code "shuffle"}), dropout ({@code "dropout"}), the training
 * draws of {@code eps} ({@code "latent"}) and the scoring draws ({@code "score"}, per row).
 */
public record VariationalAutoencoder(VariationalAutoencoderOptions options) implements Detector {

  public VariationalAutoencoder {
    Objects.requireNonNull(options, "options");
  }

  @Override
  public DetectorModel fit(Dataset train, long seed) {
    Detector.requireNormalOnly(train);
    if (options.likelihood() == Likelihood.BERNOULLI) {
      requireUnitInterval(train);
    }
    Holdout parts = Holdout.split(train, options.validationSplit(),
        Seeds.derive(seed, "validation-split"));
    VaeNetwork net = VaeNetwork.create(train.columns(), options.hiddenLayers(), options.latentDim(),
        Activation.named(options.activation()), Seeds.derive(seed, "init-encoder"),
        Seeds.derive(seed, "init-decoder"));
    int batchSize = Math.min(options.batchSize(), parts.train().rows());
    long scoreSeed = Seeds.derive(seed, "score");
    VaeTraining training = new VaeTraining(net, options, batchSize, Seeds.derive(seed, "latent"),
        Seeds.derive(seed, "dropout"), scoreSeed);
    TrainingHistory history = TrainingLoop.run(training, parts.train(), parts.validation(),
        options.training(), Seeds.derive(seed, "shuffle"));
    return new VaeModel(net, options, scoreSeed, history);
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
    return VaeModel.load(in, options);
  }
}

package ad.models.vae;

import ad.core.registry.Options;
import ad.models.train.HasTrainingOptions;
import ad.models.train.NetworkOptions;
import ad.models.train.TrainingOptions;
import java.util.Arrays;
import java.util.List;

/**
 * Options of {@link VariationalAutoencoder}, bound from YAML (keys in snake_case). A null field takes
 * its default. The training options ({@code learning_rate} to {@code shuffle}) are those of every
 * family, documented in {@link TrainingOptions}; dropout acts on the hidden layers of the encoder and
 * the decoder.
 *
 * @param hiddenLayers widths of the encoder's hidden layers, e.g. {@code [32, 16]}; the decoder
 *     mirrors them ({@code [16, 32]}); required
 * @param latentDim size of the latent space, {@code latent_dim}; default 2
 * @param activation activation of every hidden layer; default relu
 * @param beta weight of the KL term in the loss, {@code recon + beta * KL} (beta-VAE); >= 0, default 1
 *     (the plain ELBO); 0 turns the model into a noisy autoencoder
 * @param reconstruction the decoder's distribution: {@code gaussian} (the decoder outputs the mean,
 *     unbounded; one learned variance per feature, shared by all rows; suits standardised or scaled
 *     data) or {@code bernoulli} (the decoder outputs logits; the NLL is the binary cross-entropy,
 *     which needs every training input in [0, 1]; at scoring, inputs beyond [0, 1] count as its nearest
 *     end, so gaussian is the better choice when test values can leave the training range far);
 *     default gaussian
 * @param score {@code reconstruction_probability} (An and Cho 2015: minus the log of the mean, over
 *     {@code samples} seeded latent draws from the encoder's posterior, of the likelihood of the row;
 *     computed with log-sum-exp), {@code reconstruction_error} (mean squared error between the row and
 *     the decoded mean at the posterior mean {@code z = mu}) or {@code negative_elbo} (the training
 *     objective, recon NLL averaged over {@code samples} draws + beta * KL); default
 *     reconstruction_probability
 * @param samples latent draws per row for the Monte Carlo scores; default 10
 */
public record VariationalAutoencoderOptions(List<Integer> hiddenLayers, Integer latentDim,
    String activation, Double learningRate, Integer epochs, Integer batchSize,
    Double validationSplit, Integer patience, Double dropout, Double l2, Boolean shuffle, Double beta,
    String reconstruction, String score, Integer samples)
    implements HasTrainingOptions {

  public static final List<String> RECONSTRUCTIONS = List.of("gaussian", "bernoulli");
  public static final List<String> SCORES = List.of("reconstruction_probability",
      "reconstruction_error", "negative_elbo");

  public VariationalAutoencoderOptions {
    hiddenLayers = NetworkOptions.widths("hidden_layers", hiddenLayers);
    latentDim = Options.positive("latent_dim", Options.orDefault(latentDim, 2));
    activation = NetworkOptions.activation("activation", Options.orDefault(activation, "relu"));
    TrainingOptions training = new TrainingOptions(learningRate, epochs, batchSize, validationSplit,
        patience, dropout, l2, shuffle);
    learningRate = training.learningRate();
    epochs = training.epochs();
    batchSize = training.batchSize();
    validationSplit = training.validationSplit();
    patience = training.patience();
    dropout = training.dropout();
    l2 = training.l2();
    shuffle = training.shuffle();
    beta = Options.nonNegative("beta", Options.orDefault(beta, 1.0));
    reconstruction = Options.oneOf("reconstruction", Options.orDefault(reconstruction, "gaussian"),
        RECONSTRUCTIONS);
    score = Options.oneOf("score", Options.orDefault(score, "reconstruction_probability"), SCORES);
    samples = Options.positive("samples", Options.orDefault(samples, 10));
  }

  /** The defaults with the given encoder widths. */
  public static VariationalAutoencoderOptions of(int... hiddenLayers) {
    return new VariationalAutoencoderOptions(Arrays.stream(hiddenLayers).boxed().toList(), null,
        null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  Likelihood likelihood() {
    return reconstruction.equals("gaussian") ? Likelihood.GAUSSIAN : Likelihood.BERNOULLI;
  }
}

package ad.models.vae;

import ad.core.registry.Options;
import ad.models.ensemble.EnsembleOptions;
import ad.models.network.Activation;
import ad.models.network.Likelihood;
import ad.models.network.VaeArchitecture;
import ad.models.train.NetworkOptions;
import ad.models.train.TrainingOptions;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/**
 * Options of {@link VariationalAutoencoder}, bound from YAML (keys in snake_case). A null value takes
 * its default. Dropout (a training option) acts on the hidden layers of the encoder and the decoder.
 *
 * @param hiddenLayers widths of the encoder's hidden layers; the decoder mirrors them; required
 * @param latentDim size of the latent space
 * @param activation activation of every hidden layer
 * @param beta weight of the KL term (beta-VAE)
 * @param reconstruction the decoder's distribution
 * @param score how a row is scored
 * @param samples latent draws per row for the Monte Carlo scores
 * @param ensemble how many networks to train and how to combine them ({@link EnsembleOptions})
 * @param training the shared training options, flat in YAML ({@link TrainingOptions})
 */
public record VariationalAutoencoderOptions(
    @JsonPropertyDescription("widths of the encoder's hidden layers, e.g. [32, 16]; the decoder "
        + "mirrors them ([16, 32])")
    @NotEmpty List<@Positive Integer> hiddenLayers,
    @JsonPropertyDescription("size of the latent space")
    @Positive Integer latentDim,
    @JsonPropertyDescription("activation of every hidden layer")
    Activation activation,
    @JsonPropertyDescription("weight of the KL term in the loss, recon + beta * KL (beta-VAE): 1 is "
        + "the plain ELBO, 0 turns the model into a noisy autoencoder")
    @PositiveOrZero Double beta,
    @JsonPropertyDescription("the decoder's distribution: gaussian (the mean, with one learned "
        + "variance per feature) or bernoulli (logits; needs training inputs in [0, 1])")
    Likelihood reconstruction,
    @JsonPropertyDescription("reconstruction_probability (An and Cho 2015), "
        + "reconstruction_error (mean squared error at the posterior mean) or negative_elbo")
    VaeScore score,
    @JsonPropertyDescription("latent draws per row for the Monte Carlo scores")
    @Positive Integer samples,
    @JsonUnwrapped
    @JsonPropertyDescription("the shared training options")
    TrainingOptions training,
    @JsonPropertyDescription("an ensemble of networks of this family: members, combine, max_rows, "
        + "feature_fraction, standardise; default one network")
    EnsembleOptions ensemble) {

  public VariationalAutoencoderOptions {
    hiddenLayers = NetworkOptions.widths("hidden_layers", hiddenLayers);
    latentDim = Options.positive("latent_dim", Options.orDefault(latentDim, 2));
    activation = Options.orDefault(activation, Activation.RELU);
    beta = Options.nonNegative("beta", Options.orDefault(beta, 1.0));
    reconstruction = Options.orDefault(reconstruction, Likelihood.GAUSSIAN);
    score = Options.orDefault(score, VaeScore.RECONSTRUCTION_PROBABILITY);
    samples = Options.positive("samples", Options.orDefault(samples, 10));
    training = TrainingOptions.resolve(training, TrainingOptions.DEFAULTS);
    ensemble = EnsembleOptions.resolve(ensemble, EnsembleOptions.SINGLE);
  }

  /** The options without an ensemble block (one network). */
  public VariationalAutoencoderOptions(List<Integer> hiddenLayers, Integer latentDim,
      Activation activation, Double beta, Likelihood reconstruction, VaeScore score, Integer samples,
      TrainingOptions training) {
    this(hiddenLayers, latentDim, activation, beta, reconstruction, score, samples, training, null);
  }

  /** The defaults with the given encoder widths. */
  public VariationalAutoencoderOptions(List<Integer> hiddenLayers) {
    this(hiddenLayers, null, null, null, null, null, null, null, null);
  }

  /** The network for rows of {@code columns} values. */
  public VaeArchitecture architecture(int columns) {
    return new VaeArchitecture(columns, hiddenLayers, latentDim, activation, reconstruction, beta,
        training.dropout());
  }
}

package ad.models.dense;

import ad.core.registry.Options;
import ad.models.network.Activation;
import ad.models.network.DenseArchitecture;
import ad.models.network.InputNoise;
import ad.models.recon.Residual;
import ad.models.train.NetworkOptions;
import ad.models.train.TrainingOptions;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Options of {@link DenseAutoencoder}, bound from YAML (keys in snake_case). A null value takes its
 * default; every value is checked here, so a constructed record is always valid and holds every
 * default filled in.
 *
 * @param hiddenLayers widths of the hidden layers between input and output; required, because a good
 *     width depends on the data
 * @param activation activation of the hidden layers; default relu
 * @param outputActivation activation of the output layer; default sigmoid (inputs scaled to [0, 1])
 * @param residual how a row is scored from its reconstruction; default squared
 * @param training the shared training options, flat in YAML ({@link TrainingOptions})
 */
public record DenseAutoencoderOptions(
    @JsonPropertyDescription("widths of the hidden layers between input and output, e.g. [10] or "
        + "[32, 16, 32]")
    @NotEmpty List<@Positive Integer> hiddenLayers,
    @JsonPropertyDescription("activation of the hidden layers")
    Activation activation,
    @JsonPropertyDescription("activation of the output layer: sigmoid suits inputs scaled to [0, 1], "
        + "identity standardised inputs")
    Activation outputActivation,
    @JsonPropertyDescription("how a row is scored: squared (mean squared reconstruction error) or "
        + "absolute (mean absolute error)")
    Residual residual,
    @JsonUnwrapped
    @JsonPropertyDescription("the shared training options")
    TrainingOptions training) {

  public DenseAutoencoderOptions {
    hiddenLayers = NetworkOptions.widths("hidden_layers", hiddenLayers);
    activation = Options.orDefault(activation, Activation.RELU);
    outputActivation = Options.orDefault(outputActivation, Activation.SIGMOID);
    residual = Options.orDefault(residual, Residual.SQUARED);
    training = TrainingOptions.resolve(training, TrainingOptions.DEFAULTS);
  }

  /** The defaults with the given hidden layer widths. */
  public DenseAutoencoderOptions(List<Integer> hiddenLayers) {
    this(hiddenLayers, null, null, null, null);
  }

  /** The network for rows of {@code columns} values, with input noise (null for none). */
  public DenseArchitecture architecture(int columns, InputNoise noise) {
    return new DenseArchitecture(columns, hiddenLayers, activation, outputActivation,
        training.dropout(), noise);
  }
}

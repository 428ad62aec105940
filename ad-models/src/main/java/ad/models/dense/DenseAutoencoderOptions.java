package ad.models.dense;

import ad.core.registry.Options;
import ad.models.ensemble.EnsembleOptions;
import ad.models.network.Activation;
import ad.models.network.DenseArchitecture;
import ad.models.network.InputNoise;
import ad.models.recon.Residual;
import ad.models.train.NetworkOptions;
import ad.models.train.TrainingOptions;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Options of {@link DenseAutoencoder}, bound from YAML (keys in snake_case). A null value takes its
 * default; every value is checked here, so a constructed record is always valid and holds every
 * default filled in.
 *
 * @param hiddenLayers widths of the hidden layers between input and output; null: derived from the
 *     input width ({@link #derivedHidden})
 * @param activation activation of the hidden layers; default relu
 * @param outputActivation activation of the output layer; default sigmoid (inputs scaled to [0, 1])
 * @param residual how a row is scored from its reconstruction; default squared
 * @param training the shared training options, flat in YAML ({@link TrainingOptions})
 * @param ensemble how many networks to train and how to combine them ({@link EnsembleOptions})
 */
public record DenseAutoencoderOptions(
    @JsonPropertyDescription("widths of the hidden layers between input and output, e.g. [10] or "
        + "[32, 16, 32]; default [h, c, h] from the input width d: a code of c = max(2, ceil(d / 4)) "
        + "units between layers of h = max(2c, min(64, d))")
    @Size(min = 1) List<@Positive Integer> hiddenLayers,
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
    TrainingOptions training,
    @JsonPropertyDescription("an ensemble of networks of this family: members, combine, max_rows, "
        + "feature_fraction, standardise; default one network")
    EnsembleOptions ensemble) {

  /** The training defaults of the dense and denoising autoencoders. */
  public static final TrainingOptions TRAINING_DEFAULTS = TrainingOptions.DEFAULTS;

  /** The ensemble defaults of the dense and denoising autoencoders. */
  public static final EnsembleOptions ENSEMBLE_DEFAULTS = EnsembleOptions.SINGLE;

  public DenseAutoencoderOptions {
    if (hiddenLayers != null) {
      hiddenLayers = NetworkOptions.widths("hidden_layers", hiddenLayers);
    }
    activation = Options.orDefault(activation, Activation.RELU);
    outputActivation = Options.orDefault(outputActivation, Activation.SIGMOID);
    residual = Options.orDefault(residual, Residual.SQUARED);
    training = TrainingOptions.resolve(training, TRAINING_DEFAULTS);
    ensemble = EnsembleOptions.resolve(ensemble, ENSEMBLE_DEFAULTS);
  }

  /** The options without an ensemble block (the family's default). */
  public DenseAutoencoderOptions(List<Integer> hiddenLayers, Activation activation,
      Activation outputActivation, Residual residual, TrainingOptions training) {
    this(hiddenLayers, activation, outputActivation, residual, training, null);
  }

  /** The defaults with the given hidden layer widths (null: derived from the input width). */
  public DenseAutoencoderOptions(List<Integer> hiddenLayers) {
    this(hiddenLayers, null, null, null, null, null);
  }

  /** The network for rows of {@code columns} values, with input noise (null for none). */
  public DenseArchitecture architecture(int columns, InputNoise noise) {
    return new DenseArchitecture(columns, hiddenLayers != null ? hiddenLayers
        : derivedHidden(columns), activation, outputActivation, training.dropout(), noise);
  }

  /**
   * The hidden layers when none are given, for {@code d} input columns: {@code [h, c, h]} with a code
   * of {@code c = max(2, ceil(d / 4))} units, narrower than the input (an autoencoder must not be
   * able to copy its input), and layers of {@code h = max(2c, min(64, d))} around it. A fixed
   * architecture for every width, such as PyOD's [64, 32, 32, 64], gives a 3-column table a wider
   * code than its input and a 274-column one a tight one.
   */
  public static List<Integer> derivedHidden(int d) {
    int c = Math.max(2, (d + 3) / 4);
    int h = Math.max(2 * c, Math.min(64, d));
    return List.of(h, c, h);
  }
}

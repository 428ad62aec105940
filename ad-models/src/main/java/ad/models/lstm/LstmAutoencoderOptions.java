package ad.models.lstm;

import ad.core.registry.OptionException;
import ad.core.registry.Options;
import ad.models.ensemble.LayoutEnsembleOptions;
import ad.models.network.Activation;
import ad.models.network.InputLayout;
import ad.models.network.LstmArchitecture;
import ad.models.recon.Residual;
import ad.models.train.NetworkOptions;
import ad.models.train.TrainingOptions;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * Options of {@link LstmAutoencoder}, bound from YAML (keys in snake_case). A null field takes its
 * default; every value is checked here, so a constructed record is always valid and holds every
 * default.
 *
 * @param inputShape how a row is laid out, {@code [steps, channels]}; default the data's own sample
 *     shape (series windows have one)
 * @param hiddenLayers units of each encoder LSTM; the last one's final state is the code, and the
 *     decoder mirrors them
 * @param activation the LSTMs' cell and output activation
 * @param outputActivation activation of the per-step output layer
 * @param residual how a window is scored from its reconstruction
 * @param training the shared training options, flat in YAML ({@link TrainingOptions}), with the
 *     {@code engine}: native (the default) or dl4j
 * @param ensemble how many networks to train and how to combine them ({@link LayoutEnsembleOptions})
 */
public record LstmAutoencoderOptions(
    @JsonPropertyDescription("how a row is laid out: [steps, channels]; default the data's own "
        + "sample shape (series windows have one)")
    @Size(min = 2, max = 2) List<@Positive Integer> inputShape,
    @JsonPropertyDescription("units of each encoder LSTM, e.g. [64] or [64, 32] (the last one's final "
        + "state is the code); the decoder mirrors them")
    @Size(min = 1) List<@Positive Integer> hiddenLayers,
    @JsonPropertyDescription("the LSTMs' cell and output activation")
    Activation activation,
    @JsonPropertyDescription("activation of the per-step output layer: identity suits standardised "
        + "series, sigmoid inputs in [0, 1]")
    Activation outputActivation,
    @JsonPropertyDescription("how a window is scored: squared (mean squared reconstruction error) or "
        + "absolute (mean absolute error, as SKAB's reference detectors)")
    Residual residual,
    @JsonUnwrapped
    @JsonPropertyDescription("the shared training options")
    TrainingOptions training,
    @JsonPropertyDescription("an ensemble of networks of this family: members, combine, max_rows, "
        + "standardise (feature_fraction stays 1: windows keep their layout); default one network")
    LayoutEnsembleOptions ensemble) {

  public LstmAutoencoderOptions {
    if (inputShape != null && (inputShape.size() != 2 || inputShape.stream()
        .anyMatch(v -> v == null || v <= 0))) {
      throw new OptionException("input_shape", "must be [steps, channels] with positive sizes, got "
          + inputShape);
    }
    inputShape = inputShape == null ? null : List.copyOf(inputShape);
    hiddenLayers = NetworkOptions.widths("hidden_layers", Options.orDefault(hiddenLayers,
        List.of(64)));
    activation = Options.orDefault(activation, Activation.TANH);
    outputActivation = Options.orDefault(outputActivation, Activation.IDENTITY);
    residual = Options.orDefault(residual, Residual.SQUARED);
    training = TrainingOptions.resolve(training, TrainingOptions.DEFAULTS);
    ensemble = LayoutEnsembleOptions.resolve(ensemble, LayoutEnsembleOptions.SINGLE);
  }

  /** The options without an ensemble block (one network). */
  public LstmAutoencoderOptions(List<Integer> inputShape, List<Integer> hiddenLayers,
      Activation activation, Activation outputActivation, Residual residual,
      TrainingOptions training) {
    this(inputShape, hiddenLayers, activation, outputActivation, residual, training, null);
  }

  /** All defaults: the data's window shape, one LSTM of 64 units each way, tanh. */
  public LstmAutoencoderOptions() {
    this(null, null, null, null, null, null, null);
  }

  /** The network these options describe for windows laid out as {@code layout}. */
  public LstmArchitecture architecture(InputLayout layout) {
    return new LstmArchitecture(layout.width(), layout.channels(), hiddenLayers, activation,
        outputActivation, training.dropout());
  }
}

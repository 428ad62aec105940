package ad.models.conv;

import ad.core.registry.OptionException;
import ad.core.registry.Options;
import ad.models.ensemble.LayoutEnsembleOptions;
import ad.models.network.Activation;
import ad.models.network.ConvArchitecture;
import ad.models.network.InputLayout;
import ad.models.recon.Residual;
import ad.models.train.TrainingOptions;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Options of {@link ConvAutoencoder}, bound from YAML (keys in snake_case). A null value takes its
 * default; every value is checked here, so a constructed record is always valid and holds every
 * default filled in. Conv nets cost more per epoch than dense ones, hence fewer, larger default
 * batches than the shared training defaults: {@link #TRAINING_DEFAULTS}.
 *
 * @param inputShape how a row is laid out; default the data's own sample shape
 * @param filters channels of each encoder convolution; the decoder mirrors them
 * @param codeSize units of a dense bottleneck between encoder and decoder; null for none
 * @param kernelSize kernel height and width (length for series)
 * @param strides stride of each encoder convolution
 * @param pooling downsampling after each encoder convolution
 * @param upsampling how the decoder undoes it
 * @param activation activation of every layer but the last
 * @param outputActivation activation of the last layer
 * @param threads threads that train and score
 * @param residual how a row is scored from its reconstruction
 * @param ensemble how many networks to train and how to combine them ({@link LayoutEnsembleOptions})
 * @param training the shared training options, flat in YAML ({@link TrainingOptions})
 */
public record ConvAutoencoderOptions(
    @JsonPropertyDescription("how a row is laid out: [height, width, channels] for images or "
        + "[steps, channels] for series windows; default the data's own sample shape, so it is "
        + "needed only for plain tables (e.g. 784 columns of pixels)")
    @Size(min = 2, max = 3) List<@Positive Integer> inputShape,
    @JsonPropertyDescription("channels of each encoder convolution, e.g. [16, 8]; the decoder mirrors "
        + "them back to the input's channels")
    @Size(min = 1) List<@Positive Integer> filters,
    @JsonPropertyDescription("units of a dense bottleneck: the encoder's last map, flattened, to "
        + "code_size units and back (each with the activation and dropout)")
    @Positive Integer codeSize,
    @JsonPropertyDescription("kernel height and width (length for series)")
    @Positive Integer kernelSize,
    @JsonPropertyDescription("stride of each encoder convolution")
    @Positive Integer strides,
    @JsonPropertyDescription("max (2x2, or 2 steps for series, after each encoder convolution) or "
        + "none")
    Pooling pooling,
    @JsonPropertyDescription("how the decoder undoes each downsampling: nearest (repeat, then a "
        + "convolution) or transposed (a transposed convolution)")
    Upsampling upsampling,
    @JsonPropertyDescription("activation of every layer but the last")
    Activation activation,
    @JsonPropertyDescription("activation of the last layer: sigmoid suits inputs in [0, 1], identity "
        + "standardised inputs")
    Activation outputActivation,
    @JsonPropertyDescription("threads that train (each a fixed slice of every mini-batch) and score; "
        + "results depend on it, never on the machine")
    @Positive Integer threads,
    @JsonPropertyDescription("how a row is scored: squared (mean squared reconstruction error) or "
        + "absolute (mean absolute error, as SKAB's reference detectors)")
    Residual residual,
    @JsonUnwrapped
    @JsonPropertyDescription("the shared training options; epochs default to 20, batch_size to 64")
    TrainingOptions training,
    @JsonPropertyDescription("an ensemble of networks of this family: members, combine, max_rows, "
        + "standardise; default one network")
    LayoutEnsembleOptions ensemble) {

  /** The shared training defaults with 20 epochs and batches of 64. */
  public static final TrainingOptions TRAINING_DEFAULTS = TrainingOptions.resolve(
      new TrainingOptions(null, 20, 64, null, null, null, null, null, null),
      TrainingOptions.DEFAULTS);

  public ConvAutoencoderOptions {
    inputShape = checkInputShape(inputShape);
    filters = checkFilters(Options.orDefault(filters, List.of(16, 8)));
    if (codeSize != null) {
      Options.positive("code_size", codeSize);
    }
    kernelSize = Options.positive("kernel_size", Options.orDefault(kernelSize, 3));
    strides = Options.positive("strides", Options.orDefault(strides, 1));
    pooling = Options.orDefault(pooling, Pooling.MAX);
    upsampling = Options.orDefault(upsampling, Upsampling.NEAREST);
    activation = Options.orDefault(activation, Activation.RELU);
    outputActivation = Options.orDefault(outputActivation, Activation.SIGMOID);
    threads = Options.positive("threads", Options.orDefault(threads, 2));
    residual = Options.orDefault(residual, Residual.SQUARED);
    training = TrainingOptions.resolve(training, TRAINING_DEFAULTS);
    ensemble = LayoutEnsembleOptions.resolve(ensemble, LayoutEnsembleOptions.SINGLE);
  }

  /** The options without an ensemble block (one network). */
  public ConvAutoencoderOptions(List<Integer> inputShape, List<Integer> filters, Integer codeSize,
      Integer kernelSize, Integer strides, Pooling pooling, Upsampling upsampling,
      Activation activation, Activation outputActivation, Integer threads, Residual residual,
      TrainingOptions training) {
    this(inputShape, filters, codeSize, kernelSize, strides, pooling, upsampling, activation,
        outputActivation, threads, residual, training, null);
  }

  /** All defaults: the data's sample shape, filters [16, 8], 3x3 kernels, max pooling. */
  public ConvAutoencoderOptions() {
    this(null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The network these options describe for rows laid out as {@code layout}. */
  public ConvArchitecture architecture(InputLayout layout) {
    return ConvLayers.architecture(layout, this);
  }

  private static List<Integer> checkInputShape(List<Integer> shape) {
    if (shape == null) {
      return null;
    }
    if (shape.size() != 2 && shape.size() != 3 || shape.stream().anyMatch(d -> d == null || d <= 0)) {
      throw new OptionException("input_shape", "must be [height, width, channels] for images or "
          + "[steps, channels] for series, all positive, got " + shape);
    }
    return List.copyOf(shape);
  }

  private static List<Integer> checkFilters(List<Integer> filters) {
    if (filters.isEmpty() || filters.stream().anyMatch(f -> f == null || f <= 0)) {
      throw new OptionException("filters", "must be a non-empty list of positive channel counts, "
          + "e.g. [16, 8], got " + filters);
    }
    return List.copyOf(filters);
  }
}

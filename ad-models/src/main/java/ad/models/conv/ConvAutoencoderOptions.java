package ad.models.conv;

import ad.core.registry.OptionException;
import ad.core.registry.Options;
import ad.models.train.Residual;
import ad.models.train.TrainingOptions;
import java.util.List;
import java.util.Locale;

/**
 * Options of {@link ConvAutoencoder}, bound from YAML (keys in snake_case). A null field takes its
 * default; every value is checked here, so a constructed record is always valid.
 *
 * @param inputShape how a row is laid out: {@code [height, width, channels]} for images or
 *     {@code [steps, channels]} for windows of a series; default: the data's own sample shape, so it
 *     is needed only for plain tables (e.g. 784 columns of pixels)
 * @param filters channels of each encoder convolution, e.g. {@code [16, 8]}; default [16, 8]; the
 *     decoder mirrors them back to the input's channels
 * @param codeSize units of a dense bottleneck between the encoder and the decoder; default none (no
 *     dense layers: the code is the last encoder stage's feature map). When set, the encoder's last
 *     feature map (after its pooling) is flattened, a fully connected layer maps it to
 *     {@code code_size} units and another maps them back to the map's size (each followed by the
 *     hidden {@code activation} and {@code dropout}), reshaped for the decoder. This sets the code's
 *     size independently of the image size and the number of pooling stages (e.g. filters [32, 16]
 *     on 28x28 images leave a 7x7x16 = 784-value map, as large as the image)
 * @param kernelSize kernel height and width (length for series); default 3
 * @param strides stride of each encoder convolution; default 1
 * @param pooling {@code max} (2x2, or 2 steps for series, after each encoder convolution) or
 *     {@code none}; default max
 * @param upsampling how the decoder undoes each downsampling: {@code nearest} (repeat, then a
 *     convolution) or {@code transposed} (a transposed convolution); default nearest
 * @param activation activation of every layer but the last, one of {@link #ACTIVATIONS}; default relu
 * @param outputActivation activation of the last layer; default sigmoid, which suits inputs in [0, 1];
 *     use identity for standardised inputs
 * @param learningRate Adam's learning rate; default 1e-3
 * @param epochs passes over the training rows (fewer if early stopping ends training); default 20
 * @param batchSize rows per mini-batch; default 64
 * @param validationSplit fraction of the training rows held out (seeded) to measure the validation
 *     loss, keep the best weights and stop early; in [0, 1), default 0
 * @param patience stop after this many epochs without a lower validation loss; 0 (the default) never
 *     stops early; needs {@code validation_split > 0}
 * @param dropout probability of dropping each hidden activation while training; in [0, 1), default 0
 * @param l2 L2 penalty on the kernels (not the biases): adds {@code l2 / 2 * sum(w^2)}; default 0
 * @param shuffle reshuffle the training rows before each epoch (seeded); default true
 * @param threads threads that train and score; default 2. Results depend on it (the mini-batch is
 *     split between them), never on the machine
 * @param residual how a row is scored from its reconstruction: {@code squared} (mean squared error,
 *     the default) or {@code absolute} (mean absolute error, as SKAB's reference detectors score
 *     windows); see {@link Residual}
 */
public record ConvAutoencoderOptions(List<Integer> inputShape, List<Integer> filters,
    Integer codeSize, Integer kernelSize, Integer strides, String pooling, String upsampling, String activation,
    String outputActivation, Double learningRate, Integer epochs, Integer batchSize,
    Double validationSplit, Integer patience, Double dropout, Double l2, Boolean shuffle,
    Integer threads, String residual) {

  /** The names accepted for {@code activation} and {@code output_activation}. */
  public static final List<String> ACTIVATIONS = Activation.NAMES;

  public ConvAutoencoderOptions {
    inputShape = checkInputShape(inputShape);
    filters = checkFilters(Options.orDefault(filters, List.of(16, 8)));
    if (codeSize != null) {
      Options.positive("code_size", codeSize);
    }
    kernelSize = Options.positive("kernel_size", Options.orDefault(kernelSize, 3));
    strides = Options.positive("strides", Options.orDefault(strides, 1));
    pooling = Options.oneOf("pooling", lower(Options.orDefault(pooling, "max")),
        List.of("max", "none"));
    upsampling = Options.oneOf("upsampling", lower(Options.orDefault(upsampling, "nearest")),
        List.of("nearest", "transposed"));
    activation = Options.oneOf("activation", lower(Options.orDefault(activation, "relu")),
        ACTIVATIONS);
    outputActivation = Options.oneOf("output_activation",
        lower(Options.orDefault(outputActivation, "sigmoid")), ACTIVATIONS);
    // The training options every family shares, checked in one place; conv nets cost more per
    // epoch, hence fewer, larger default batches than the shared defaults.
    TrainingOptions training = new TrainingOptions(learningRate, Options.orDefault(epochs, 20),
        Options.orDefault(batchSize, 64), validationSplit, patience, dropout, l2, shuffle);
    learningRate = training.learningRate();
    epochs = training.epochs();
    batchSize = training.batchSize();
    validationSplit = training.validationSplit();
    patience = training.patience();
    dropout = training.dropout();
    l2 = training.l2();
    shuffle = training.shuffle();
    threads = Options.positive("threads", Options.orDefault(threads, 2));
    residual = Residual.check("residual", residual);
  }

  /** All but {@code residual}, which takes its default (squared). */
  public ConvAutoencoderOptions(List<Integer> inputShape, List<Integer> filters, Integer codeSize,
      Integer kernelSize, Integer strides, String pooling, String upsampling, String activation,
      String outputActivation, Double learningRate, Integer epochs, Integer batchSize,
      Double validationSplit, Integer patience, Double dropout, Double l2, Boolean shuffle,
      Integer threads) {
    this(inputShape, filters, codeSize, kernelSize, strides, pooling, upsampling, activation,
        outputActivation, learningRate, epochs, batchSize, validationSplit, patience, dropout, l2,
        shuffle, threads, null);
  }

  /** The options without a dense bottleneck ({@code code_size} unset) and with squared residuals. */
  public ConvAutoencoderOptions(List<Integer> inputShape, List<Integer> filters, Integer kernelSize,
      Integer strides, String pooling, String upsampling, String activation,
      String outputActivation, Double learningRate, Integer epochs, Integer batchSize,
      Double validationSplit, Integer patience, Double dropout, Double l2, Boolean shuffle,
      Integer threads) {
    this(inputShape, filters, null, kernelSize, strides, pooling, upsampling, activation,
        outputActivation, learningRate, epochs, batchSize, validationSplit, patience, dropout, l2,
        shuffle, threads);
  }

  /** All defaults: the data's sample shape, filters [16, 8], 3x3 kernels, max pooling. */
  public static ConvAutoencoderOptions defaults() {
    return new ConvAutoencoderOptions(null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null);
  }

  /** These options with a dense bottleneck of {@code codeSize} units (null: none). */
  public ConvAutoencoderOptions withCodeSize(Integer codeSize) {
    return new ConvAutoencoderOptions(inputShape, filters, codeSize, kernelSize, strides, pooling,
        upsampling, activation, outputActivation, learningRate, epochs, batchSize, validationSplit,
        patience, dropout, l2, shuffle, threads, residual);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
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

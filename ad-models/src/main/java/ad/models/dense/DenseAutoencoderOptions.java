package ad.models.dense;

import ad.core.registry.OptionException;
import ad.core.registry.Options;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Options of {@link DenseAutoencoder}, bound from YAML (keys in snake_case). A null field takes its
 * default; every value is checked here, so a constructed record is always valid.
 *
 * @param hiddenLayers widths of the hidden layers between input and output, e.g. {@code [10]} or
 *     {@code [32, 16, 32]}; required, because a good width depends on the data
 * @param activation activation of the hidden layers, one of {@link #ACTIVATIONS}; default relu
 * @param outputActivation activation of the output layer; default sigmoid, which suits inputs scaled
 *     to [0, 1]; use identity for standardised inputs
 * @param learningRate Adam's learning rate; default 1e-3
 * @param epochs passes over the training rows (fewer if early stopping ends training); default 50
 * @param batchSize rows per mini-batch; default 32
 * @param validationSplit fraction of the training rows held out (seeded) to measure the validation
 *     loss, keep the best weights and stop early; in [0, 1), default 0 (no validation)
 * @param patience stop after this many epochs without a lower validation loss; 0 (the default) never
 *     stops early; needs {@code validation_split > 0}
 * @param dropout probability of dropping each hidden unit while training; in [0, 1), default 0
 * @param l2 L2 penalty on the weights (not the biases): adds {@code l2 / 2 * sum(w^2)} to the loss;
 *     default 0
 * @param shuffle reshuffle the training rows before each epoch (seeded); default true
 */
public record DenseAutoencoderOptions(List<Integer> hiddenLayers, String activation,
    String outputActivation, Double learningRate, Integer epochs, Integer batchSize,
    Double validationSplit, Integer patience, Double dropout, Double l2, Boolean shuffle) {

  /** The activation names accepted for {@code activation} and {@code output_activation}. */
  public static final List<String> ACTIVATIONS = List.of("relu", "leakyrelu", "elu", "selu", "gelu",
      "swish", "mish", "tanh", "sigmoid", "hardsigmoid", "hardtanh", "softplus", "softsign",
      "identity");

  public DenseAutoencoderOptions {
    hiddenLayers = checkLayers(hiddenLayers);
    activation = checkActivation("activation", Options.orDefault(activation, "relu"));
    outputActivation = checkActivation("output_activation",
        Options.orDefault(outputActivation, "sigmoid"));
    learningRate = Options.positive("learning_rate", Options.orDefault(learningRate, 1e-3));
    epochs = Options.positive("epochs", Options.orDefault(epochs, 50));
    batchSize = Options.positive("batch_size", Options.orDefault(batchSize, 32));
    validationSplit = Options.inRange("validation_split", Options.orDefault(validationSplit, 0.0),
        0.0, 1.0);
    patience = Options.nonNegative("patience", Options.orDefault(patience, 0));
    dropout = Options.inRange("dropout", Options.orDefault(dropout, 0.0), 0.0, 1.0);
    l2 = Options.nonNegative("l2", Options.orDefault(l2, 0.0));
    shuffle = Options.orDefault(shuffle, true);
    if (patience > 0 && validationSplit == 0.0) {
      throw new OptionException("patience", "needs validation_split > 0: early stopping watches the "
          + "validation loss, got patience " + patience + " with validation_split 0");
    }
  }

  /** The defaults with the given hidden layer widths. */
  public static DenseAutoencoderOptions of(int... hiddenLayers) {
    return new DenseAutoencoderOptions(Arrays.stream(hiddenLayers).boxed().toList(), null,
        null, null, null, null, null, null, null, null, null);
  }

  /** True when training may stop before {@link #epochs()}. */
  boolean stopsEarly() {
    return patience > 0;
  }

  private static List<Integer> checkLayers(List<Integer> layers) {
    if (layers == null || layers.isEmpty()) {
      throw new OptionException("hidden_layers", "is required: the widths of the hidden layers, "
          + "e.g. [10] or [32, 16, 32]");
    }
    for (Integer width : layers) {
      if (width == null || width <= 0) {
        throw new OptionException("hidden_layers", "must hold positive integers, got " + layers);
      }
    }
    return List.copyOf(layers);
  }

  private static String checkActivation(String field, String name) {
    // "ReLU" and "relu" mean the same; store the canonical spelling.
    return Options.oneOf(field, name.toLowerCase(Locale.ROOT), ACTIVATIONS);
  }
}

package ad.models.dense;

import ad.core.registry.Options;
import ad.models.train.HasTrainingOptions;
import ad.models.train.NetworkOptions;
import ad.models.train.Residual;
import ad.models.train.TrainingOptions;
import java.util.Arrays;
import java.util.List;

/**
 * Options of {@link DenseAutoencoder}, bound from YAML (keys in snake_case). A null field takes its
 * default; every value is checked here, so a constructed record is always valid.
 *
 * <p>The training options ({@code learning_rate} to {@code shuffle}) are those of every family,
 * checked by {@link TrainingOptions}, which documents them.
 *
 * @param hiddenLayers widths of the hidden layers between input and output, e.g. {@code [10]} or
 *     {@code [32, 16, 32]}; required, because a good width depends on the data
 * @param activation activation of the hidden layers, one of {@link #ACTIVATIONS}; default relu
 * @param outputActivation activation of the output layer; default sigmoid, which suits inputs scaled
 *     to [0, 1]; use identity for standardised inputs
 * @param residual how a row is scored from its reconstruction: {@code squared} (mean squared error,
 *     the default) or {@code absolute} (mean absolute error); see {@link Residual}
 */
public record DenseAutoencoderOptions(List<Integer> hiddenLayers, String activation,
    String outputActivation, Double learningRate, Integer epochs, Integer batchSize,
    Double validationSplit, Integer patience, Double dropout, Double l2, Boolean shuffle,
    String residual) implements HasTrainingOptions {

  /** The activation names accepted for {@code activation} and {@code output_activation}. */
  public static final List<String> ACTIVATIONS = NetworkOptions.ACTIVATIONS;

  public DenseAutoencoderOptions {
    hiddenLayers = NetworkOptions.widths("hidden_layers", hiddenLayers);
    activation = NetworkOptions.activation("activation", Options.orDefault(activation, "relu"));
    outputActivation = NetworkOptions.activation("output_activation",
        Options.orDefault(outputActivation, "sigmoid"));
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
    residual = Residual.check("residual", residual);
  }

  /** All but {@code residual}, which takes its default (squared). */
  public DenseAutoencoderOptions(List<Integer> hiddenLayers, String activation,
      String outputActivation, Double learningRate, Integer epochs, Integer batchSize,
      Double validationSplit, Integer patience, Double dropout, Double l2, Boolean shuffle) {
    this(hiddenLayers, activation, outputActivation, learningRate, epochs, batchSize,
        validationSplit, patience, dropout, l2, shuffle, null);
  }

  /** The defaults with the given hidden layer widths. */
  public static DenseAutoencoderOptions of(int... hiddenLayers) {
    return new DenseAutoencoderOptions(Arrays.stream(hiddenLayers).boxed().toList(), null,
        null, null, null, null, null, null, null, null, null);
  }
}

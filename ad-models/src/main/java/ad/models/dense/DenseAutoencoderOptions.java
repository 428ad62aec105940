package ad.models.dense;

import ad.core.registry.Options;
import ad.models.train.NetworkOptions;
import ad.models.train.TrainingOptions;
import java.util.Arrays;
import java.util.List;

/**
 * Options of {@link DenseAutoencoder}, bound from YAML (keys in snake_case). A null field takes its
 * default; every value is checked here, so a constructed record is always valid.
 *
 * @param hiddenLayers widths of the hidden layers between input and output, e.g. {@code [10]} or
 *     {@code [32, 16, 32]}; required, because a good width depends on the data
 * @param activation activation of the hidden layers, one of {@link #ACTIVATIONS}; default relu
 * @param outputActivation activation of the output layer; default sigmoid, which suits inputs scaled
 *     to [0, 1]; use identity for standardised inputs
 * <p>The training options ({@code learning_rate} to {@code shuffle}) are those of every family, checked
 * by {@link TrainingOptions}, which documents them.
 *
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
  }

  /** The defaults with the given hidden layer widths. */
  public static DenseAutoencoderOptions of(int... hiddenLayers) {
    return new DenseAutoencoderOptions(Arrays.stream(hiddenLayers).boxed().toList(), null,
        null, null, null, null, null, null, null, null, null);
  }

  /** The options of the shared training loop. */
  public TrainingOptions training() {
    return new TrainingOptions(learningRate, epochs, batchSize, validationSplit, patience, dropout, l2,
        shuffle);
  }
}

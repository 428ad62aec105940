package ad.models.train;

import ad.core.registry.OptionException;
import ad.core.registry.Options;

/**
 * The training options every family shares, checked once here. A family's options record keeps them
 * as flat YAML keys and builds one of these in its compact constructor (which checks the values and
 * substitutes the defaults), then stores the checked values back.
 *
 * @param learningRate the optimiser's (Adam's) learning rate, YAML {@code learning_rate}; default 1e-3
 * @param epochs passes over the training rows (fewer if early stopping ends training); default 50
 * @param batchSize rows per mini-batch, {@code batch_size}; default 32
 * @param validationSplit fraction of the training rows held out (seeded) to measure the validation
 *     loss, keep the best weights and stop early, {@code validation_split}; in [0, 1), default 0
 * @param patience stop after this many epochs without a lower validation loss; 0 (the default) never
 *     stops early; needs {@code validation_split > 0}
 * @param dropout probability of dropping each hidden unit while training (inverted dropout); in
 *     [0, 1), default 0
 * @param l2 L2 penalty on the weights (not the biases), {@code l2 / 2 * sum(w^2)}; default 0
 * @param shuffle reshuffle the training rows before each epoch (seeded); default true
 */
public record TrainingOptions(Double learningRate, Integer epochs, Integer batchSize,
    Double validationSplit, Integer patience, Double dropout, Double l2, Boolean shuffle) {

  public TrainingOptions {
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

  /** All defaults. */
  public static TrainingOptions defaults() {
    return new TrainingOptions(null, null, null, null, null, null, null, null);
  }

  /** True when training may stop before {@link #epochs()}. */
  public boolean stopsEarly() {
    return patience > 0;
  }
}

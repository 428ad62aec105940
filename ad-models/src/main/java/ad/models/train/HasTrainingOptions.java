package ad.models.train;

/**
 * A family's options record that keeps the shared training options as flat YAML keys: its accessors
 * implement these, and {@link #training()} gathers them for the {@link TrainingLoop}.
 */
public interface HasTrainingOptions {

  Double learningRate();

  Integer epochs();

  Integer batchSize();

  Double validationSplit();

  Integer patience();

  Double dropout();

  Double l2();

  Boolean shuffle();

  /** The options of the shared training loop. */
  default TrainingOptions training() {
    return new TrainingOptions(learningRate(), epochs(), batchSize(), validationSplit(), patience(),
        dropout(), l2(), shuffle());
  }
}

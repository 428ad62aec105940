package ad.models;

import ad.models.network.Engine;
import ad.models.train.TrainingOptions;

/** Training options by name, for tests: {@code Training.with().epochs(3).batchSize(16).options()}. */
public final class Training {
  private Double learningRate;
  private Integer epochs;
  private Integer batchSize;
  private Double validationSplit;
  private Integer patience;
  private Double dropout;
  private Double l2;
  private Boolean shuffle;
  private Engine engine;

  private Training() {}

  /** Nothing set: every option takes the family's default. */
  public static Training with() {
    return new Training();
  }

  public Training learningRate(double value) {
    learningRate = value;
    return this;
  }

  public Training epochs(int value) {
    epochs = value;
    return this;
  }

  public Training batchSize(int value) {
    batchSize = value;
    return this;
  }

  public Training validationSplit(double value) {
    validationSplit = value;
    return this;
  }

  public Training patience(int value) {
    patience = value;
    return this;
  }

  public Training dropout(double value) {
    dropout = value;
    return this;
  }

  public Training l2(double value) {
    l2 = value;
    return this;
  }

  public Training shuffle(boolean value) {
    shuffle = value;
    return this;
  }

  public Training engine(Engine value) {
    engine = value;
    return this;
  }

  public TrainingOptions options() {
    return new TrainingOptions(learningRate, epochs, batchSize, validationSplit, patience, dropout,
        l2, shuffle, engine);
  }
}

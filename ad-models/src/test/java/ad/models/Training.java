package ad.models;

import ad.models.network.Engine;
import ad.models.train.TrainingOptions;

/**
 * Training options by name, for tests: {@code Training.with().epochs(3).batchSize(16).options()};
 * what is not set takes the family's default.
 */
public final class Training {
  private Double learningRate;
  private Integer epochs;
  private Integer batchSize;
  private Double validationSplit;
  private Integer patience;
  private Double dropout;
  private Double l2;
  /** Tests train untrimmed unless they set {@link #trim}, whatever the family's default. */
  private Double trim = 0.0;
  private Boolean shuffle;
  private Engine engine;

  private Training() {}

  public static Training with() {
    return new Training();
  }

  // One line each: a builder's setters are all alike.
  public Training learningRate(double v) { learningRate = v; return this; }
  public Training epochs(int v) { epochs = v; return this; }
  public Training batchSize(int v) { batchSize = v; return this; }
  public Training validationSplit(double v) { validationSplit = v; return this; }
  public Training patience(int v) { patience = v; return this; }
  public Training dropout(double v) { dropout = v; return this; }
  public Training l2(double v) { l2 = v; return this; }
  public Training trim(double v) { trim = v; return this; }
  public Training shuffle(boolean v) { shuffle = v; return this; }
  public Training engine(Engine v) { engine = v; return this; }

  public TrainingOptions options() {
    return new TrainingOptions(learningRate, epochs, batchSize, validationSplit, patience, dropout,
        l2, trim, shuffle, engine);
  }
}

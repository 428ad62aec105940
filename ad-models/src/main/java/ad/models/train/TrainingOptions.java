package ad.models.train;

import ad.core.registry.OptionException;
import ad.core.registry.Options;
import ad.models.network.Engine;
import ad.models.network.RowTrim;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The training options every autoencoder family shares, checked here once. A family's options record
 * holds them as one component marked {@code @JsonUnwrapped}, so that YAML keeps them as flat keys
 * beside the family's own ({@code learning_rate: 0.01} next to {@code hidden_layers: [8]}).
 *
 * <p>A null value means "the family's default": the constructor checks the values given, and a
 * family's options record stores {@link #resolve resolved} options, with every default filled in
 * (most families take {@link #DEFAULTS}; the convolutional one trains fewer, larger batches).
 *
 * @param learningRate Adam's learning rate
 * @param epochs passes over the training rows (fewer if early stopping ends training)
 * @param batchSize rows per mini-batch
 * @param validationSplit fraction of the training rows held out (seeded) to measure the validation
 *     loss, keep the best epoch's weights and stop early
 * @param patience stop after this many epochs without a lower validation loss; 0 never stops early
 * @param dropout probability of dropping each hidden unit while training (inverted dropout)
 * @param l2 L2 penalty {@code l2 / 2 * sum(w^2)} on the weights (not the biases)
 * @param trim the share of each mini-batch's rows with the highest loss that gets no gradient (and
 *     of the validation rows that the validation loss leaves out)
 *     ({@link RowTrim}); 0 trains on every row
 * @param shuffle reshuffle the training rows before each epoch (seeded)
 * @param engine the engine that builds, trains and runs the network
 */
public record TrainingOptions(
    @JsonPropertyDescription("Adam's learning rate")
    @Positive Double learningRate,
    @JsonPropertyDescription("passes over the training rows (fewer if early stopping ends training)")
    @Positive Integer epochs,
    @JsonPropertyDescription("rows per mini-batch")
    @Positive Integer batchSize,
    @JsonPropertyDescription("fraction of the training rows held out (seeded) to measure the "
        + "validation loss, keep the best epoch's weights and stop early")
    @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double validationSplit,
    @JsonPropertyDescription("stop after this many epochs without a lower validation loss; 0 never "
        + "stops early; needs validation_split > 0")
    @PositiveOrZero Integer patience,
    @JsonPropertyDescription("probability of dropping each hidden unit while training (inverted "
        + "dropout)")
    @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double dropout,
    @JsonPropertyDescription("L2 penalty l2 / 2 * sum(w^2) on the weights, not the biases")
    @PositiveOrZero Double l2,
    @JsonPropertyDescription("robust training: in every mini-batch this share of the rows with the "
        + "highest loss gets no gradient (trimmed loss), so anomalies among the training rows pull "
        + "the network less; the validation loss leaves out the same share of the held-out rows")
    @DecimalMin("0") @DecimalMax(value = "0.5", inclusive = false) Double trim,
    @JsonPropertyDescription("reshuffle the training rows before every epoch (seeded)")
    Boolean shuffle,
    @JsonPropertyDescription("the engine that builds, trains and runs the network: native (ad's own) "
        + "or dl4j (DeepLearning4J)")
    Engine engine) {

  /** The defaults of the dense, denoising and variational autoencoders. */
  public static final TrainingOptions DEFAULTS = new TrainingOptions(1e-3, 50, 32, 0.0, 0, 0.0, 0.0,
      0.0, true, Engine.NATIVE);

  /** Checks every value that is given; null values stay null until {@link #resolve}. */
  public TrainingOptions {
    if (learningRate != null) {
      Options.positive("learning_rate", learningRate);
    }
    if (epochs != null) {
      Options.positive("epochs", epochs);
    }
    if (batchSize != null) {
      Options.positive("batch_size", batchSize);
    }
    if (validationSplit != null) {
      Options.inRange("validation_split", validationSplit, 0.0, 1.0);
    }
    if (patience != null) {
      Options.nonNegative("patience", patience);
    }
    if (dropout != null) {
      Options.inRange("dropout", dropout, 0.0, 1.0);
    }
    if (l2 != null) {
      Options.nonNegative("l2", l2);
    }
    if (trim != null) {
      Options.inRange("trim", trim, 0.0, 0.5);
    }
  }

  /**
   * The options of the constructor before {@code trim} existed: untrimmed training ({@code trim: 0}),
   * whatever the family's default, so that code written against it trains as it always did.
   */
  public TrainingOptions(Double learningRate, Integer epochs, Integer batchSize,
      Double validationSplit, Integer patience, Double dropout, Double l2, Boolean shuffle,
      Engine engine) {
    this(learningRate, epochs, batchSize, validationSplit, patience, dropout, l2, 0.0, shuffle,
        engine);
  }

  /** All defaults: {@link #DEFAULTS}. */
  public TrainingOptions() {
    this(DEFAULTS.learningRate, DEFAULTS.epochs, DEFAULTS.batchSize, DEFAULTS.validationSplit,
        DEFAULTS.patience, DEFAULTS.dropout, DEFAULTS.l2, DEFAULTS.trim, DEFAULTS.shuffle,
        DEFAULTS.engine);
  }

  /**
   * {@code given} (null: nothing given) with every unset value taken from {@code defaults}: what a
   * family's options record stores.
   *
   * @throws OptionException if {@code patience} is set without a validation split to watch
   */
  public static TrainingOptions resolve(TrainingOptions given, TrainingOptions defaults) {
    TrainingOptions g = given == null ? new TrainingOptions(null, null, null, null, null, null, null,
        null, null, null) : given;
    TrainingOptions resolved = new TrainingOptions(
        Options.orDefault(g.learningRate, defaults.learningRate),
        Options.orDefault(g.epochs, defaults.epochs),
        Options.orDefault(g.batchSize, defaults.batchSize),
        Options.orDefault(g.validationSplit, defaults.validationSplit),
        Options.orDefault(g.patience, defaults.patience),
        Options.orDefault(g.dropout, defaults.dropout),
        Options.orDefault(g.l2, defaults.l2),
        Options.orDefault(g.trim, defaults.trim),
        Options.orDefault(g.shuffle, defaults.shuffle),
        Options.orDefault(g.engine, defaults.engine));
    if (resolved.patience > 0 && resolved.validationSplit == 0.0) {
      throw new OptionException("patience", "needs validation_split > 0: early stopping watches the "
          + "validation loss, got patience " + resolved.patience + " with validation_split 0");
    }
    return resolved;
  }

  /** The trimming of every mini-batch, as the engines apply it. */
  public RowTrim rowTrim() {
    return trim == null || trim == 0 ? RowTrim.NONE : new RowTrim(trim);
  }

  /** These options with another {@code trim}. */
  public TrainingOptions withTrim(Double newTrim) {
    return new TrainingOptions(learningRate, epochs, batchSize, validationSplit, patience, dropout,
        l2, newTrim, shuffle, engine);
  }

  /** True when training may stop before {@link #epochs()}. */
  public boolean stopsEarly() {
    return patience > 0;
  }
}

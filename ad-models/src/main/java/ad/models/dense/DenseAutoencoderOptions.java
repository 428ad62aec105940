package ad.models.dense;

import ad.core.registry.OptionException;
import ad.core.registry.Options;
import ad.models.ensemble.Combine;
import ad.models.ensemble.EnsembleOptions;
import ad.models.ensemble.Standardisation;
import ad.models.network.Activation;
import ad.models.network.DenseArchitecture;
import ad.models.network.InputNoise;
import ad.models.recon.Residual;
import ad.models.train.NetworkOptions;
import ad.models.train.TrainingOptions;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Options of {@link DenseAutoencoder}, bound from YAML (keys in snake_case). A null value takes its
 * default; every value is checked here, so a constructed record is always valid and holds every
 * default filled in.
 *
 * <p>The defaults are the configuration issue 13 chose on 12 ODDS tables (odds-dev-ensemble.yaml)
 * and measured on all 24 (odds-suite.yaml): an ensemble of 20 narrow networks, each on at most 1,024
 * rows, trained with the 20% highest-loss rows of each batch left out, identity output, each scored
 * by its reconstruction error plus where its code lies among the training rows' codes
 * ({@code code_neighbours: 5}). Before it, the
 * family trained one network of given layers, untrimmed, with a sigmoid output, 50 epochs of 32:
 * {@code ensemble: {members: 1}, trim: 0, output_activation: sigmoid, epochs: 50, batch_size: 32}.
 *
 * @param hiddenLayers widths of the hidden layers between input and output; null: derived from the
 *     input width ({@link #derivedHidden})
 * @param activation activation of the hidden layers; default relu
 * @param outputActivation activation of the output layer; default identity
 * @param residual how a row is scored from its reconstruction; default squared
 * @param codeNeighbours 0: a row's score is its reconstruction error; k > 0 (default 5): the
 *     standardised error plus the standardised distance from the row's code to the k-th nearest code
 *     of the training rows ({@link ad.models.recon.CodeDensityModel})
 * @param training the shared training options, flat in YAML ({@link TrainingOptions})
 * @param ensemble how many networks to train and how to combine them ({@link EnsembleOptions})
 */
public record DenseAutoencoderOptions(
    @JsonPropertyDescription("widths of the hidden layers between input and output, e.g. [10] or "
        + "[32, 16, 32]; default [h, c, h] from the input width d: a code of c = max(2, ceil(d / 4)) "
        + "units between layers of h = max(2c, min(64, d))")
    @Size(min = 1) List<@Positive Integer> hiddenLayers,
    @JsonPropertyDescription("activation of the hidden layers")
    Activation activation,
    @JsonPropertyDescription("activation of the output layer: identity suits any scaling; sigmoid "
        + "bounds the output to [0, 1] (inputs scaled by min_max)")
    Activation outputActivation,
    @JsonPropertyDescription("how a row is scored: squared (mean squared reconstruction error) or "
        + "absolute (mean absolute error)")
    Residual residual,
    @JsonPropertyDescription("0: score a row by its reconstruction error; k > 0: add to the error "
        + "(standardised on the training rows) the distance from the row's code to the k-th nearest "
        + "training row's code (standardised likewise): rows that are rebuilt well but lie where "
        + "few training rows do score high too; default 5")
    @PositiveOrZero Integer codeNeighbours,
    @JsonPropertyDescription("with code_neighbours: the most training rows whose codes are the "
        + "neighbours, a seeded subsample (all rows when there are fewer); bounds the code term's "
        + "cost, which otherwise grows with training rows times scored rows; unset: every row")
    @Positive Integer codeReferenceRows,
    @JsonUnwrapped
    @JsonPropertyDescription("the shared training options; epochs default to 60, batch_size to 64, "
        + "trim to 0.2")
    TrainingOptions training,
    @JsonPropertyDescription("an ensemble of networks of this family: members, combine, max_rows, "
        + "feature_fraction, standardise; default 20 members, each on at most 1,024 seeded rows, "
        + "combined by the mean of their robustly standardised scores; {members: 1} for one network")
    EnsembleOptions ensemble) {

  /**
   * The training defaults of the dense and denoising autoencoders: 60 epochs of batches of 64, and
   * trimmed training ({@code trim: 0.2}), as chosen on odds-dev-ensemble.yaml (issue 13).
   */
  public static final TrainingOptions TRAINING_DEFAULTS = TrainingOptions.resolve(
      new TrainingOptions(null, 60, 64, null, null, null, null, 0.2, null, null),
      TrainingOptions.DEFAULTS);

  /**
   * The ensemble defaults of the dense and denoising autoencoders: 20 members, each on its own
   * seeded subsample of at most 1,024 training rows (as Isolation Forest's trees see 256), so that
   * few members see the same anomalies and their errors decorrelate; chosen on
   * odds-dev-ensemble.yaml (issue 13).
   */
  public static final EnsembleOptions ENSEMBLE_DEFAULTS = new EnsembleOptions(20, Combine.MEAN,
      1024, 1.0, Standardisation.ROBUST);

  /**
   * The default of {@code code_neighbours}: the 5th nearest code, as the kNN baseline's k (PyOD's and
   * ADBench's default); chosen on odds-dev-ensemble.yaml with robust scaling (issue 13).
   */
  public static final int DEFAULT_CODE_NEIGHBOURS = 5;

  public DenseAutoencoderOptions {
    if (hiddenLayers != null) {
      hiddenLayers = NetworkOptions.widths("hidden_layers", hiddenLayers);
    }
    activation = Options.orDefault(activation, Activation.RELU);
    outputActivation = Options.orDefault(outputActivation, Activation.IDENTITY);
    residual = Options.orDefault(residual, Residual.SQUARED);
    codeNeighbours = Options.orDefault(codeNeighbours, DEFAULT_CODE_NEIGHBOURS);
    if (codeNeighbours < 0) {
      throw new OptionException("code_neighbours", "must be 0 (off) or a positive k, got "
          + codeNeighbours);
    }
    if (codeReferenceRows != null) {
      Options.positive("code_reference_rows", codeReferenceRows);
      if (codeNeighbours == 0) {
        // Named at code_neighbours: only a file that sets it to 0 gets here, and that is the line
        // to look at.
        throw new OptionException("code_neighbours", "is 0 (no code term), so code_reference_rows ("
            + codeReferenceRows + ") has nothing to bound: set code_neighbours to k > 0, or drop "
            + "code_reference_rows");
      }
      if (codeReferenceRows <= codeNeighbours) {
        throw new OptionException("code_reference_rows", "must be above code_neighbours ("
            + codeNeighbours + "): a training row's neighbours are the other reference rows, got "
            + codeReferenceRows);
      }
    }
    training = TrainingOptions.resolve(training, TRAINING_DEFAULTS);
    ensemble = EnsembleOptions.resolve(ensemble, ENSEMBLE_DEFAULTS);
  }

  /** The options with the code term's neighbours among every training row. */
  public DenseAutoencoderOptions(List<Integer> hiddenLayers, Activation activation,
      Activation outputActivation, Residual residual, Integer codeNeighbours,
      TrainingOptions training, EnsembleOptions ensemble) {
    this(hiddenLayers, activation, outputActivation, residual, codeNeighbours, null, training,
        ensemble);
  }

  /** The options with the reconstruction error alone as the score ({@code code_neighbours: 0}). */
  public DenseAutoencoderOptions(List<Integer> hiddenLayers, Activation activation,
      Activation outputActivation, Residual residual, TrainingOptions training,
      EnsembleOptions ensemble) {
    this(hiddenLayers, activation, outputActivation, residual, 0, training, ensemble);
  }

  /**
   * The options this constructor gave before issue 13 changed the family's defaults, so that code
   * written against it trains as it always did: one network ({@code ensemble: {members: 1}}), and
   * unless given, a sigmoid output and {@link TrainingOptions#DEFAULTS} (50 epochs of 32, no trim).
   */
  public DenseAutoencoderOptions(List<Integer> hiddenLayers, Activation activation,
      Activation outputActivation, Residual residual, TrainingOptions training) {
    this(hiddenLayers, activation, Options.orDefault(outputActivation, Activation.SIGMOID), residual,
        0, TrainingOptions.resolve(training, TrainingOptions.DEFAULTS), EnsembleOptions.SINGLE);
  }

  /** The defaults with the given hidden layer widths (null: derived from the input width). */
  public DenseAutoencoderOptions(List<Integer> hiddenLayers) {
    this(hiddenLayers, null, null, null, null, null, null, null);
  }

  /** The network for rows of {@code columns} values, with input noise (null for none). */
  public DenseArchitecture architecture(int columns, InputNoise noise) {
    return new DenseArchitecture(columns, hiddenLayers != null ? hiddenLayers
        : derivedHidden(columns), activation, outputActivation, training.dropout(), noise);
  }

  /**
   * The hidden layers when none are given, for {@code d} input columns: {@code [h, c, h]} with a code
   * of {@code c = max(2, ceil(d / 4))} units, narrower than the input (an autoencoder must not be
   * able to copy its input), and layers of {@code h = max(2c, min(64, d))} around it. A fixed
   * architecture for every width, such as PyOD's [64, 32, 32, 64], gives a 3-column table a wider
   * code than its input and a 274-column one a tight one.
   */
  public static List<Integer> derivedHidden(int d) {
    int c = Math.max(2, (d + 3) / 4);
    int h = Math.max(2 * c, Math.min(64, d));
    return List.of(h, c, h);
  }
}

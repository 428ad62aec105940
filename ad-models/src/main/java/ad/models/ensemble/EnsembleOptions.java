package ad.models.ensemble;

import ad.core.registry.CountOrAll;
import ad.core.registry.OptionException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

/**
 * The {@code ensemble:} block of an autoencoder family: how many networks of the family to train and
 * how to combine their scores (Chen, Sathe, Aggarwal and Turaga 2017, "Outlier detection with
 * autoencoder ensembles", SDM). Null values take the family's defaults ({@link #resolve}).
 *
 * <p>Each member has its own seed; with {@code max_rows} it trains on a random subsample of the
 * training rows, and with {@code feature_fraction} below 1 on a random subset of the features
 * (feature bagging, Lazarevic and Kumar 2005), so members see the data differently and their errors
 * differ. A member's scores are standardised on its own training rows ({@link Standardisation}),
 * then combined per row ({@link Combine}).
 *
 * @param members networks to train; 1 is a single network
 * @param combine how the members' standardised scores are combined
 * @param maxRows the most training rows a member sees (a seeded subsample); null: the family's
 *     default; {@link CountOrAll#ALL}: every row
 * @param featureFraction the smallest share of the features a member sees: each member draws its
 *     share uniformly from [feature_fraction, 1]; 1: all features
 * @param standardise how members' scores are put on one scale
 */
public record EnsembleOptions(
    @JsonPropertyDescription(MEMBERS) @Positive Integer members,
    @JsonPropertyDescription(COMBINE) Combine combine,
    @JsonPropertyDescription(MAX_ROWS) @CountOrAll @Positive Integer maxRows,
    @JsonPropertyDescription("feature bagging: each member sees a random subset of the features, "
        + "its share drawn uniformly from [feature_fraction, 1]; in (0, 1]; unset: the family's "
        + "default (see ensemble)")
    @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double featureFraction,
    @JsonPropertyDescription(STANDARDISE) Standardisation standardise) {

  static final String MEMBERS = "networks of this family to train, each from its own seed; their "
      + "scores are standardised and combined; unset: the family's default (see ensemble)";
  static final String COMBINE = "how members' standardised scores are combined: mean or median; "
      + "unset: the family's default (see ensemble)";
  static final String MAX_ROWS = "the most training rows each member sees: a seeded random "
      + "subsample per member (all rows when there are fewer), or all; unset: the family's default "
      + "(see ensemble), all rows for members: 1";
  static final String STANDARDISE = "how each member's scores are put on one scale before "
      + "combining, from its scores on its own training rows: robust (median and interquartile "
      + "range) or mean_std (mean and standard deviation); unset: the family's default (see "
      + "ensemble)";

  /** A single network on every row and feature: no ensemble. */
  public static final EnsembleOptions SINGLE = new EnsembleOptions(1, Combine.MEAN, null, 1.0,
      Standardisation.ROBUST);

  /** Checks the values that are given; null values stay null until {@link #resolve}. */
  public EnsembleOptions {
    if (members != null) {
      Options.positive("members", members);
    }
    if (maxRows != null) {
      Options.positive("max_rows", maxRows);
    }
    if (featureFraction != null && !(featureFraction > 0 && featureFraction <= 1)) {
      throw new OptionException("feature_fraction", "must be in (0, 1], got "
          + featureFraction);
    }
  }

  /**
   * {@code given} (null: nothing given) with every unset value from {@code defaults}; the maximum
   * rows stay unset (all rows) when both leave them unset, and when {@code given} asks for one
   * network: a subsample decorrelates members, so one network trains on every row unless
   * {@code max_rows} itself says otherwise ({@code ensemble: {members: 1}} is the plain model).
   */
  public static EnsembleOptions resolve(EnsembleOptions given, EnsembleOptions defaults) {
    EnsembleOptions g = given == null ? new EnsembleOptions(null, null, null, null, null) : given;
    int members = Options.orDefault(g.members, defaults.members);
    return new EnsembleOptions(
        members,
        Options.orDefault(g.combine, defaults.combine),
        g.maxRows != null ? g.maxRows : members == 1 ? null : defaults.maxRows,
        Options.orDefault(g.featureFraction, defaults.featureFraction),
        Options.orDefault(g.standardise, defaults.standardise));
  }

  /**
   * True when the model is one network that sees every feature: it is then the family's plain model
   * (trained on a subsample of rows if {@code max_rows} says so), scored as without an ensemble.
   */
  public boolean single() {
    return members == 1 && featureFraction == 1.0;
  }
}

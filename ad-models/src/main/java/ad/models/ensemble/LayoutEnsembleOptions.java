package ad.models.ensemble;

import ad.core.registry.CountOrAll;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.Positive;

/**
 * The {@code ensemble:} block of the families whose rows have a layout (images, series windows):
 * {@link EnsembleOptions} without feature bagging, since a subset of an image's values is not an
 * image. Null values take the family's defaults ({@link #resolve}).
 *
 * @param members networks to train; 1 is a single network
 * @param combine how the members' standardised scores are combined
 * @param maxRows the most training rows a member sees (a seeded subsample); null: all
 * @param standardise how members' scores are put on one scale
 */
public record LayoutEnsembleOptions(
    @JsonPropertyDescription(EnsembleOptions.MEMBERS) @Positive Integer members,
    @JsonPropertyDescription(EnsembleOptions.COMBINE) Combine combine,
    @JsonPropertyDescription(EnsembleOptions.MAX_ROWS) @CountOrAll @Positive Integer maxRows,
    @JsonPropertyDescription(EnsembleOptions.STANDARDISE) Standardisation standardise) {

  /** A single network on every row. */
  public static final LayoutEnsembleOptions SINGLE = new LayoutEnsembleOptions(1, Combine.MEAN,
      null, Standardisation.ROBUST);

  /** Checks the values that are given. */
  public LayoutEnsembleOptions {
    new EnsembleOptions(members, combine, maxRows, null, standardise);
  }

  /** {@code given} with every unset value from {@code defaults} (see {@link EnsembleOptions}). */
  public static LayoutEnsembleOptions resolve(LayoutEnsembleOptions given,
      LayoutEnsembleOptions defaults) {
    LayoutEnsembleOptions g = given == null ? new LayoutEnsembleOptions(null, null, null, null)
        : given;
    return new LayoutEnsembleOptions(
        Options.orDefault(g.members, defaults.members),
        Options.orDefault(g.combine, defaults.combine),
        g.maxRows != null ? g.maxRows : defaults.maxRows,
        Options.orDefault(g.standardise, defaults.standardise));
  }

  /** The ensemble these options describe: every member sees whole rows. */
  public EnsembleOptions ensemble() {
    return new EnsembleOptions(members, combine, maxRows, 1.0, standardise);
  }
}

/**
 * The experiment file described, generated from the records the reader binds: every key with its
 * type, default, allowed values and meaning ({@code ad list TYPE}, {@link ad.eval.schema.OptionDocs})
 * and the JSON Schema editors read ({@code ad schema}, {@link ad.eval.schema.ExperimentSchema}).
 *
 * <p>Nothing is declared twice. Keys and their names come from Jackson's introspection through the
 * reader's own mapper; meanings from {@code @JsonPropertyDescription}; required keys and bounds from
 * {@code jakarta.validation} constraints ({@link ad.eval.schema.Constraints}); defaults from the record
 * itself, bound from an empty mapping as the reader binds a component that leaves a key out
 * ({@link ad.eval.schema.OptionsModel}). The records still check their values in their constructors;
 * a test probes every declared bound against them so that the two cannot drift.
 */
package ad.eval.schema;

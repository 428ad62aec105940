/**
 * The component registry: how a YAML {@code type:} name becomes a detector, thresholder, dataset source,
 * protocol or scaler.
 *
 * <p>Each component is one {@link ad.core.registry.ComponentType}: a name, a one-line summary, an options
 * record (bound from YAML by {@code ad-eval}; it validates itself in its constructor and reports a bad
 * value with {@link ad.core.registry.OptionException}) and a factory. Modules contribute components
 * through a {@link ad.core.registry.ComponentProvider} listed in
 * {@code META-INF/services/ad.core.registry.ComponentProvider}: a new model is one class plus one line.
 *
 * <p>An options record declares, on each component, what {@code ad list TYPE} and the JSON Schema
 * of the experiment file show (read by {@code ad.eval.schema}; nothing else needs declaring):
 * <ul>
 *   <li>its meaning, one line: {@code @JsonPropertyDescription("Adam's learning rate")};
 *   <li>the values it takes, with {@code jakarta.validation.constraints}: {@code @NotNull} (or
 *       {@code @NotEmpty}, {@code @NotBlank}) for a key that must be given; {@code @Positive},
 *       {@code @PositiveOrZero}, {@code @Min}, {@code @Max}, {@code @DecimalMin} and
 *       {@code @DecimalMax} (with {@code inclusive}) for bounds; {@code @Size} for list lengths;
 *       on a list's item type for its items ({@code List<@Positive Integer>});
 *   <li>closed sets as enums whose constants carry their YAML names ({@code @JsonProperty("max")});
 *   <li>its default by filling it in the constructor when the value is null (never a second copy).
 * </ul>
 * The constructor still checks every value (the annotations check nothing by themselves); a test in
 * {@code ad-experiments} probes each declared bound against it, so declarations cannot drift.
 */
package ad.core.registry;

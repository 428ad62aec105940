package ad.eval.schema;

/**
 * One row of {@code ad list TYPE}: a key with its type, default, allowed values and meaning.
 *
 * @param key the YAML key; a nested key is dotted ({@code normal.count})
 * @param type {@code integer}, {@code number}, {@code list of integers}, {@code choice}, ...
 * @param defaultValue what the key is when left out, as YAML: a value, {@code none} (no value), or
 *     {@code required}; {@code -} for a key of a group of which one is required
 * @param allowed the values it takes: a range ({@code [0, 1)}), the choices, or ""
 * @param meaning one line
 */
public record OptionDoc(String key, String type, String defaultValue, String allowed, String meaning) {}

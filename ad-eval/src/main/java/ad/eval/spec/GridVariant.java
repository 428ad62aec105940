package ad.eval.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One variant of a component declared with a {@code grid:}, e.g.
 * <pre>
 *   - name: dense
 *     type: dense_autoencoder
 *     grid: {hidden_layers: [[16], [8]], learning_rate: [0.001, 0.01]}
 * </pre>
 * expands to four components, named {@code dense(hidden_layers=[16], learning_rate=0.001)} and so on,
 * in the order the values are listed (the last key varies fastest).
 *
 * @param node the component with the grid's values set in place of {@code grid}
 * @param label {@code key=value, ...}, empty when there was no grid
 * @param sourcePointers for each option set from the grid, the pointer of its value inside the grid,
 *     so that an error in it is reported at the right line
 */
record GridVariant(JsonNode node, String label, Map<String, String> sourcePointers) {
  private static final int MAX_VARIANTS = 10_000;

  static List<GridVariant> expand(JsonNode node, String pointer,
      BiFunction<String, String, SpecException> error) {
    if (node == null || !node.isObject() || !node.has("grid")) {
      return List.of(new GridVariant(node, "", Map.of()));
    }
    JsonNode grid = node.get("grid");
    String gridPointer = pointer + "/grid";
    if (!grid.isObject() || grid.isEmpty()) {
      throw error.apply(gridPointer, "'grid' must map option names to lists of values, e.g. "
          + "grid: {learning_rate: [0.001, 0.01]}");
    }
    List<String> keys = new ArrayList<>();
    grid.fieldNames().forEachRemaining(keys::add);
    long count = 1;
    for (String key : keys) {
      JsonNode values = grid.get(key);
      if (key.equals("type") || key.equals("name")) {
        throw error.apply(gridPointer + "/" + key, "'" + key + "' cannot vary in a grid; declare "
            + "another entry instead");
      }
      if (node.has(key)) {
        throw error.apply(gridPointer + "/" + key, "'" + key + "' is set both directly and in the grid");
      }
      if (!values.isArray() || values.isEmpty()) {
        throw error.apply(gridPointer + "/" + key, "grid values of '" + key + "' must be a non-empty "
            + "list, e.g. " + key + ": [a, b]");
      }
      count *= values.size();
      if (count > MAX_VARIANTS) {
        throw error.apply(gridPointer, "the grid has more than " + MAX_VARIANTS + " variants");
      }
    }
    List<GridVariant> out = new ArrayList<>();
    int[] at = new int[keys.size()];
    for (long v = 0; v < count; v++) {
      ObjectNode variant = ((ObjectNode) node).deepCopy();
      variant.remove("grid");
      StringBuilder label = new StringBuilder();
      Map<String, String> pointers = new LinkedHashMap<>();
      for (int k = 0; k < keys.size(); k++) {
        String key = keys.get(k);
        JsonNode value = grid.get(key).get(at[k]);
        variant.set(key, value);
        label.append(k == 0 ? "" : ", ").append(key).append('=').append(value.toString().replace("\"", ""));
        pointers.put(pointer + "/" + key, gridPointer + "/" + key + "/" + at[k]);
      }
      out.add(new GridVariant(variant, label.toString(), pointers));
      // Odometer: the last key varies fastest.
      for (int k = keys.size() - 1; k >= 0; k--) {
        if (++at[k] < grid.get(keys.get(k)).size()) {
          break;
        }
        at[k] = 0;
      }
    }
    return out;
  }
}

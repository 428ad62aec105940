package ad.eval.output;

import ad.eval.cell.CellCurves;
import ad.eval.cell.CellIdentity;
import ad.eval.cell.CellResult;
import ad.eval.cell.DataSizes;
import ad.eval.cell.Status;
import ad.eval.cell.StandardMeasures;
import ad.eval.cell.ThresholdResult;
import ad.eval.cell.Training;
import ad.eval.metrics.ConfusionMatrix;
import ad.eval.metrics.Measures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a cell stored before cells became plain values: {@code {"id", "rows": [...], "curves"}},
 * one flat row per thresholder with every measure as a field and the extra measures in a
 * {@code measures} object. The cell-level figures (sizes, ranking measures, timings) were repeated on
 * every row; they are taken from the first row whose thresholder worked.
 */
final class LegacyCell {
  private LegacyCell() {}

  static boolean isLegacy(JsonNode tree) {
    return tree.has("rows") && tree.has("id");
  }

  static CellResult read(JsonNode tree, ObjectMapper mapper) throws JsonProcessingException {
    JsonNode rows = tree.get("rows");
    JsonNode first = null;
    for (JsonNode row : rows) {
      if ("ok".equals(row.path("status").asText())) {
        first = row;
        break;
      }
    }
    if (first == null) {
      return null;
    }
    CellIdentity identity = new CellIdentity(first.path("experiment").asText(), tree.get("id").asText(),
        first.path("dataset").asText(), first.path("detector").asText(), first.path("detector_type").asText(),
        first.path("seed").asLong());
    Map<String, Double> cellMeasures = new LinkedHashMap<>();
    for (String name : StandardMeasures.OF_CELL) {
      cellMeasures.put(name, number(first.get(name)));
    }
    for (Iterator<String> names = first.path("measures").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!StandardMeasures.isStandard(name) && Measures.find(name).map(m -> !m.needsThreshold()).orElse(false)) {
        cellMeasures.put(name, number(first.path("measures").get(name)));
      }
    }
    List<ThresholdResult> thresholds = new ArrayList<>();
    for (JsonNode row : rows) {
      String thresholder = row.path("thresholder").asText();
      if (!"ok".equals(row.path("status").asText())) {
        thresholds.add(ThresholdResult.failed(thresholder, row.path("error").asText()));
        continue;
      }
      Map<String, Double> measures = new LinkedHashMap<>();
      for (String name : StandardMeasures.OF_THRESHOLD) {
        measures.put(name, number(row.get(name)));
      }
      for (Iterator<String> names = row.path("measures").fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!StandardMeasures.isStandard(name) && Measures.find(name).map(m -> m.needsThreshold()).orElse(false)) {
          measures.put(name, number(row.path("measures").get(name)));
        }
      }
      thresholds.add(new ThresholdResult(thresholder, Status.OK, "", row.path("threshold_fit_on").asText(),
          row.path("oracle").asBoolean(), number(row.get("threshold")), row.path("threshold_rule").asText(),
          new ConfusionMatrix(row.path("tp").asInt(), row.path("fp").asInt(), row.path("tn").asInt(),
              row.path("fn").asInt()), measures));
    }
    DataSizes sizes = new DataSizes(first.path("train_rows").asInt(), first.path("validation_rows").asInt(),
        first.path("test_rows").asInt(), first.path("test_anomalies").asInt(), first.path("unseen_categories").asInt());
    Training training = new Training(first.path("epochs").asInt(), number(first.get("fit_seconds")),
        number(first.get("score_seconds")));
    return new CellResult(identity, Status.OK, "", sizes, cellMeasures, thresholds, training,
        mapper.treeToValue(tree.get("curves"), CellCurves.class));
  }

  /** A stored number: NaN was written as the string "NaN" (or null). */
  private static double number(JsonNode node) {
    if (node == null || node.isNull()) {
      return Double.NaN;
    }
    return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asText());
  }
}

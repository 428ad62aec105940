package ad.eval.spec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The resolved spec as a plain map, as written to results.json, run.json, the report and model files. */
public final class SpecJson {
  public static final ObjectMapper MAPPER = ad.eval.io.Json.MAPPER;
  public static final TypeReference<LinkedHashMap<String, Object>> MAP = ad.eval.io.Json.MAP;

  private SpecJson() {}

  /** The spec with every option resolved (defaults filled in), as written to results.json and run.json. */
  public static Map<String, Object> describe(ExperimentSpec spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", spec.name());
    out.put("description", spec.description());
    out.put("source", spec.source().toString());
    out.put("seeds", spec.seeds());
    out.put("save_models", spec.saveModels());
    out.put("save_point_scores", spec.options().savePointScores());
    out.put("charts", spec.options().charts());
    out.put("chart_format", spec.options().chartFormat().extension());
    out.put("allow_oracle", spec.options().allowOracle());
    out.put("metrics", spec.options().metrics());
    out.put("point_scores", spec.options().pointScores().name().toLowerCase(java.util.Locale.ROOT));
    out.put("series_models", spec.options().perFileModels() ? "per_file" : "shared");
    out.put("datasets", spec.datasets().stream().map(SpecJson::describe).toList());
    out.put("protocol", describe(spec.protocol()));
    out.put("scaler", describe(spec.scaler()));
    out.put("detectors", spec.detectors().stream().map(SpecJson::describe).toList());
    out.put("thresholders", spec.thresholders().stream().map(r -> {
      Map<String, Object> m = describe(r.thresholder());
      m.put("fit_on", r.fitOn().yamlName());
      return m;
    }).toList());
    return out;
  }

  /** One component: its name and type, then its options. */
  public static Map<String, Object> describe(Component<?> c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", c.name());
    out.put("type", c.type());
    out.putAll(options(c.options()));
    return out;
  }

  /** A component's options record as a plain map of snake_case keys (what its YAML would say). */
  public static LinkedHashMap<String, Object> options(Object options) {
    return MAPPER.convertValue(options, MAP);
  }
}

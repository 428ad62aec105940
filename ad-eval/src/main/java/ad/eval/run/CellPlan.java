package ad.eval.run;

import ad.eval.cell.CellSettings;
import ad.eval.cell.CellSpec;
import ad.eval.cell.ComponentSpec;
import ad.eval.cell.ThresholdSpec;
import ad.eval.spec.Component;
import ad.eval.spec.ExperimentSpec;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands an experiment into its cells (dataset x seed x detector, in that order), each a
 * {@link CellSpec} named by its content hash: SHA-256 of the canonical JSON of everything that
 * determines a cell's numbers or files (dataset, protocol, scaler, detector and thresholders with
 * every option resolved, the seed, and whether models are saved). A re-run reuses a stored cell only
 * if its hash matches, so editing any option of a cell re-runs exactly that cell.
 */
public final class CellPlan {
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private CellPlan() {}

  /** Every cell of {@code spec}, in the experiment's fixed order. */
  public static List<CellSpec> of(ExperimentSpec spec) {
    List<ThresholdSpec> thresholders = spec.thresholders().stream().map(ThresholdSpec::of).toList();
    ComponentSpec protocol = ComponentSpec.of(spec.protocol());
    ComponentSpec scaler = ComponentSpec.of(spec.scaler());
    List<CellSpec> cells = new ArrayList<>();
    for (var dataset : spec.datasets()) {
      ComponentSpec data = ComponentSpec.of(dataset);
      for (long seed : spec.seeds()) {
        CellSettings settings = settings(spec, seed);
        for (var detector : spec.detectors()) {
          cells.add(new CellSpec(spec.name(), cells.size(), id(spec, dataset, detector, seed), data, protocol,
              scaler, ComponentSpec.of(detector), thresholders, seed, settings));
        }
      }
    }
    return cells;
  }

  private static CellSettings settings(ExperimentSpec spec, long seed) {
    ExperimentSpec.Options o = spec.options();
    return new CellSettings(o.metrics(), o.pointScores(), o.perFileModels(), o.charts(), o.chartFormat(),
        spec.saveModels(), o.savePointScores(), o.charts() && seed == spec.seeds().get(0));
  }

  static String id(ExperimentSpec spec, Component<?> dataset, Component<?> detector, long seed) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("dataset", describe(dataset));
    content.put("protocol", describe(spec.protocol()));
    content.put("scaler", describe(spec.scaler()));
    content.put("detector", describe(detector));
    content.put("thresholders", spec.thresholders().stream().map(r -> {
      Map<String, Object> m = describe(r.thresholder());
      m.put("fit_on", r.fitOn().yamlName());
      return m;
    }).toList());
    content.put("seed", seed);
    content.put("metrics", spec.options().metrics());
    content.put("point_scores", spec.options().pointScores().name());
    content.put("per_file_models", spec.options().perFileModels());
    // Turning save_models or charts on must re-run cells, or their files would never be written.
    content.put("save_models", spec.saveModels());
    content.put("charts", spec.options().charts());
    // Series cells saved no pipeline before series pipelines existed: with save_models, such cells
    // get new ids, so a resumed run writes their pipelines instead of skipping them. Likewise point
    // scores, which only series cells write. Both added only when they apply: other ids stay as they were.
    if (dataset.instance() instanceof ad.core.data.SeriesSource) {
      if (spec.saveModels()) {
        content.put("series_pipelines", true);
      }
      if (spec.options().savePointScores()) {
        content.put("save_point_scores", true);
      }
    }
    // Likewise SVG charts; only added when asked for, so PNG runs keep the ids they always had.
    if (spec.options().charts() && spec.options().chartFormat() == ad.eval.chart.ChartFiles.Format.SVG) {
      content.put("chart_format", "svg");
    }
    try {
      byte[] json = CANONICAL.writeValueAsBytes(content);
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot hash a cell spec", e);
    }
  }

  private static Map<String, Object> describe(Component<?> c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", c.name());
    out.put("type", c.type());
    out.put("options", c.options());
    return out;
  }

  /** For tests: the canonical bytes are stable across runs. */
  static byte[] canonical(Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
    return CANONICAL.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
  }
}

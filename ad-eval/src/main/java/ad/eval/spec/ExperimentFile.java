package ad.eval.spec;

import ad.core.Detector;
import ad.core.Thresholder;
import ad.core.data.DatasetSource;
import ad.core.protocol.Protocol;
import ad.core.registry.OptionException;
import ad.core.registry.Options;
import ad.core.scale.Scaler;
import ad.core.series.Aggregation;
import ad.eval.chart.ChartFiles;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;

/**
 * The top level of an experiment file as written, before its components are resolved: the keys
 * {@link SpecReader} binds, their meanings, the values they take and their defaults (filled in here,
 * so {@code ad list experiment} and the JSON Schema read them from this record).
 *
 * <p>Components stay YAML trees ({@link JsonNode}) here: their options depend on their {@code type:},
 * which the reader resolves through the registry. {@link ComponentSlot} says which kind each takes.
 */
public record ExperimentFile(
    @JsonPropertyDescription("the experiment's name; names the output folder out/<name>")
    @NotBlank @Pattern(regexp = NAME_PATTERN) String name,
    @JsonPropertyDescription("free text, shown in the report") String description,
    @JsonPropertyDescription("every random choice (split, weights, shuffling) derives from the seed; "
        + "each seed is one repetition of every cell") @Size(min = 1) List<@NotNull Long> seeds,
    @JsonPropertyDescription("cells run at once; 0 = one per core; results do not depend on it")
    @PositiveOrZero Integer workers,
    @JsonPropertyDescription("write each fitted pipeline to models/ for ad score") Boolean saveModels,
    @JsonPropertyDescription("write the point scores of series cells to points/, to check ad score "
        + "against the run") Boolean savePointScores,
    @JsonPropertyDescription("draw the charts of each cell and the report's figures") Boolean charts,
    @JsonPropertyDescription("allow thresholders that read the test labels (best_f1); every output "
        + "marks them as oracles") Boolean allowOracle,
    @JsonPropertyDescription("extra measures, one column each (e.g. mcc, balanced_accuracy)")
    List<String> metrics,
    @JsonPropertyDescription("how the scores of the windows covering a point combine into its score "
        + "(series)") Aggregation pointScores,
    @JsonPropertyDescription("series: one scaler, model and thresholds for all files, or one per file "
        + "(SKAB's protocol); metrics are pooled either way") SeriesModels seriesModels,
    @JsonPropertyDescription("png, or svg to also write every chart as SVG beside its PNG")
    ChartFiles.Format chartFormat,
    @JsonPropertyDescription("the datasets; every one is run with every detector and seed")
    @NotEmpty @ComponentSlot(value = DatasetSource.class, grid = true) List<JsonNode> datasets,
    @JsonPropertyDescription("how each dataset splits into training, validation and test rows")
    @ComponentSlot(Protocol.class) JsonNode protocol,
    @JsonPropertyDescription("how features are scaled, fitted on the training rows only")
    @ComponentSlot(Scaler.class) JsonNode scaler,
    @JsonPropertyDescription("the detectors to compare; a grid: expands one into variants")
    @NotEmpty @ComponentSlot(value = Detector.class, grid = true) List<JsonNode> detectors,
    @JsonPropertyDescription("the threshold rule, with an optional fit_on; or give 'thresholders'")
    @ComponentSlot(Thresholder.class) JsonNode thresholder,
    @JsonPropertyDescription("several threshold rules, each applied to the same scores of each model")
    @Size(min = 1) @ComponentSlot(value = Thresholder.class, grid = true) List<JsonNode> thresholders) {

  /** What an experiment name may be: it names a folder. */
  public static final String NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

  /** Whether series files share one model or have one each. */
  public enum SeriesModels {
    /** One scaler, model and thresholds for all series files. */
    @JsonProperty("shared") SHARED,
    /** A scaler, model and thresholds per file. */
    @JsonProperty("per_file") PER_FILE
  }

  public ExperimentFile {
    if (name == null || name.isBlank()) {
      throw new OptionException("name", "is required: it names the output folder, e.g. name: cardio-dense");
    }
    if (!java.util.regex.Pattern.matches(NAME_PATTERN, name)) {
      throw new OptionException("name", "must be letters, digits, '.', '_' or '-' (it names the output "
          + "folder), got '" + name + "'");
    }
    if (name.length() > ad.eval.io.FileNames.MAX_BYTES) {
      throw new OptionException("name", "is " + name.length() + " characters long, and it names the output "
          + "folder (out/<name>): file systems allow at most " + ad.eval.io.FileNames.MAX_BYTES
          + " bytes per name; shorten it");
    }
    description = Options.orDefault(description, "");
    seeds = checkSeeds(Options.orDefault(seeds, List.of(0L)));
    workers = Options.orDefault(workers, 0);
    if (workers < 0) {
      throw new OptionException("workers", "must be >= 1 (or 0 for one per core), got " + workers);
    }
    saveModels = Options.orDefault(saveModels, false);
    savePointScores = Options.orDefault(savePointScores, false);
    charts = Options.orDefault(charts, true);
    allowOracle = Options.orDefault(allowOracle, false);
    metrics = List.copyOf(Options.orDefault(metrics, List.of()));
    pointScores = Options.orDefault(pointScores, Aggregation.MEAN);
    seriesModels = Options.orDefault(seriesModels, SeriesModels.SHARED);
    chartFormat = Options.orDefault(chartFormat, ChartFiles.Format.PNG);
    if (datasets == null || datasets.isEmpty()) {
      throw new OptionException("datasets", "must list at least one dataset, e.g. - {type: csv, path: "
          + "tabular/odds/cardio.csv.gz} (ad list shows the dataset types)");
    }
    if (detectors == null || detectors.isEmpty()) {
      throw new OptionException("detectors", "must list at least one detector, e.g. - {type: "
          + "dense_autoencoder, hidden_layers: [16]} (ad list shows the detector types)");
    }
    protocol = Options.orDefault(protocol, TextNode.valueOf("novelty"));
    scaler = Options.orDefault(scaler, TextNode.valueOf("min_max"));
    if (thresholders != null && thresholder != null) {
      throw new OptionException("thresholders", "give either 'thresholder' or 'thresholders', not both");
    }
    if (thresholders != null && thresholders.isEmpty()) {
      throw new OptionException("thresholders", "must list at least one thresholder");
    }
    if (thresholders == null) {
      thresholder = Options.orDefault(thresholder, TextNode.valueOf("mean_std"));
    }
  }

  private static List<Long> checkSeeds(List<Long> seeds) {
    if (seeds.isEmpty()) {
      throw new OptionException("seeds", "must list at least one seed");
    }
    for (int i = 0; i < seeds.size(); i++) {
      if (seeds.get(i) == null) {
        throw new OptionException("seeds", "must list whole numbers; entry " + (i + 1) + " is empty");
      }
    }
    if (new HashSet<>(seeds).size() != seeds.size()) {
      throw new OptionException("seeds", "lists the same seed twice: " + seeds);
    }
    return List.copyOf(seeds);
  }
}

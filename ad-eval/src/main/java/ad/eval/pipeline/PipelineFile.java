package ad.eval.pipeline;

import ad.core.Abbreviated;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Threshold;
import ad.core.UserException;
import ad.core.encode.FittedEncoder;
import ad.core.encode.OneHotEncoder;
import ad.core.registry.ComponentType;
import ad.core.registry.Registry;
import ad.core.scale.FittedScaler;
import ad.core.scale.Scaler;
import ad.eval.io.AtomicFiles;
import ad.eval.io.Json;
import ad.eval.pipeline.Pipeline.NamedThreshold;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Saves and loads {@link Pipeline}s (see the package documentation for the layout). */
public final class PipelineFile {
  public static final String FORMAT = "ad-pipeline";
  /**
   * The newest format this ad reads. A file records the oldest version that can read it: 1 without
   * categorical columns (so older ad versions still read such files), 2 with them (an older ad would
   * look for the one-hot feature names as columns of the input; it says "upgrade" instead), 3 for
   * series pipelines (an older ad would score each raw row as if it were a whole window), or what a
   * component's state requires ({@link ad.core.persist.StateWriter#requireFormatVersion}): 4 for
   * isolation forests saved as their own trees (versions 1 to 3 held Smile's growth recipe).
   */
  public static final int VERSION = 4;
  /** The version that added the encoder and the {@code input} layout. */
  static final int CATEGORICAL_VERSION = 2;
  /** The version that added the {@code series} block: windowing and point scores. */
  static final int SERIES_VERSION = 3;
  static final String MANIFEST = "manifest.json";
  /** SHA-256 of the manifest's bytes: thresholds, options and features are checked like the state. */
  static final String MANIFEST_DIGEST = "manifest.sha256";
  /** Fixed entry times, so that the same pipeline always gives the same bytes. */
  private static final long ENTRY_TIME = 315532800000L;

  private PipelineFile() {}

  /** Writes {@code pipeline} to {@code file} atomically. */
  public static void write(Path file, Pipeline pipeline) {
    Map<String, byte[]> entries = new TreeMap<>();
    StateEntries.Writer modelState = new StateEntries.Writer("state/model/", entries);
    StateEntries.Writer scalerState = new StateEntries.Writer("state/scaler/", entries);
    StateEntries.Writer encoderState = new StateEntries.Writer("state/encoder/", entries);
    pipeline.model().save(modelState);
    pipeline.scaler().save(scalerState);
    InputColumns inputs = pipeline.inputs();
    if (inputs.hasCategorical()) {
      inputs.encoder().save(encoderState);
    }
    int stateVersion = Math.max(modelState.formatVersion(), Math.max(scalerState.formatVersion(),
        encoderState.formatVersion()));

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("format_version", Math.max(stateVersion, pipeline.isSeries() ? SERIES_VERSION
        : inputs.hasCategorical() ? CATEGORICAL_VERSION : 1));
    manifest.put("ad_version", Optional.ofNullable(PipelineFile.class.getPackage().getImplementationVersion())
        .orElse("dev"));
    manifest.put("detector", ordered("type", pipeline.detectorType(), "options", pipeline.detectorOptions()));
    manifest.put("scaler", ordered("type", pipeline.scalerType(), "options", pipeline.scalerOptions()));
    if (inputs.hasCategorical()) {
      manifest.put("encoder", ordered("type", OneHotEncoder.TYPE, "options",
          Map.of("unknown_column", inputs.encoder().unknownColumn())));
    }
    manifest.put("input", input(inputs));
    if (pipeline.isSeries()) {
      manifest.put("series", series(pipeline.windowing()));
    }
    List<Map<String, Object>> thresholds = new ArrayList<>();
    for (NamedThreshold t : pipeline.thresholds()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t.name());
      m.put("type", t.type());
      m.put("value", t.threshold().value());
      m.put("rule", t.threshold().rule());
      thresholds.add(m);
    }
    manifest.put("thresholds", thresholds);
    manifest.put("features", pipeline.featureNames());
    manifest.put("sample_shape", pipeline.sampleShape());
    manifest.put("provenance", pipeline.provenance());
    Map<String, Object> listing = new LinkedHashMap<>();
    entries.forEach((name, bytes) -> listing.put(name, ordered("bytes", bytes.length, "sha256", sha256(bytes))));
    manifest.put("entries", listing);

    AtomicFiles.write(file, out -> {
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        byte[] manifestBytes = Json.MAPPER.writeValueAsBytes(manifest);
        put(zip, MANIFEST, manifestBytes);
        put(zip, MANIFEST_DIGEST, sha256(manifestBytes).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          put(zip, e.getKey(), e.getValue());
        }
      }
    });
  }

  /**
   * Reads a pipeline, checking format, version and every checksum before building anything.
   *
   * @throws UserException naming the file if it is missing, foreign, corrupt, truncated, tampered
   *     with, or from an incompatible version
   */
  public static Pipeline read(Path file, Registry registry) {
    ModelArchive.Contents contents = ModelArchive.read(file, manifest -> requireReadableVersion(file, manifest));
    JsonNode manifest = contents.manifest();
    Map<String, byte[]> entries = contents.entries();
    try {
      StateEntries.Reader modelState = new StateEntries.Reader(file, "state/model/", entries);
      StateEntries.Reader scalerState = new StateEntries.Reader(file, "state/scaler/", entries);

      ComponentType<?, Detector> detectorType = type(file, registry, Detector.class, manifest, "detector");
      Object detectorOptions = options(file, detectorType, manifest.get("detector"));
      DetectorModel model = detectorType.create(detectorOptions).load(modelState);
      ComponentType<?, Scaler> scalerType = type(file, registry, Scaler.class, manifest, "scaler");
      Object scalerOptions = options(file, scalerType, manifest.get("scaler"));
      FittedScaler scaler = scalerType.create(scalerOptions).load(scalerState);

      List<NamedThreshold> thresholds = new ArrayList<>();
      FittedEncoder encoder = encoder(file, manifest.get("encoder"),
          new StateEntries.Reader(file, "state/encoder/", entries));
      for (JsonNode t : required(file, manifest, "thresholds")) {
        thresholds.add(new NamedThreshold(t.path("name").asText(), t.path("type").asText(),
            new Threshold(t.path("value").asDouble(Double.NaN), t.path("rule").asText())));
      }
      List<String> features = new ArrayList<>();
      required(file, manifest, "features").forEach(n -> features.add(n.asText()));
      int[] shape = Json.MAPPER.convertValue(required(file, manifest, "sample_shape"), int[].class);
      if (shape.length == 0 || java.util.Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b)
          != features.size() || java.util.Arrays.stream(shape).anyMatch(d -> d <= 0)) {
        throw new UserException(file + " is corrupt: its sample_shape " + java.util.Arrays.toString(shape)
            + " does not hold its " + features.size() + " features");
      }
      Map<String, Object> provenance = manifest.has("provenance")
          ? Json.MAPPER.convertValue(manifest.get("provenance"), Json.MAP) : Map.of();
      Windowing windowing = windowing(file, manifest.get("series"));
      InputColumns inputs = inputs(file, manifest.get("input"), encoder, features, windowing);
      if (windowing != null && !java.util.Arrays.equals(shape,
          new int[] {windowing.window(), inputs.numeric().size()})) {
        throw new UserException(file + " is corrupt: its sample_shape " + java.util.Arrays.toString(shape)
            + " is not windows of " + windowing.window() + " x " + inputs.numeric().size() + " channels");
      }
      probe(file, model, features, shape);
      return new Pipeline(detectorType.name(), Json.MAPPER.convertValue(detectorOptions, Json.MAP), model,
          scalerType.name(), Json.MAPPER.convertValue(scalerOptions, Json.MAP), scaler, thresholds, inputs,
          features, shape, provenance, windowing);
    } catch (IllegalArgumentException e) {
      throw new UserException(file + " is corrupt: " + e.getMessage());
    } catch (ArithmeticException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      // A component rebuilt from sizes that contradict each other: the state was damaged after its
      // checksums were made, or forged. (Components check their state; this is the net under them.)
      throw new UserException(file + " is corrupt: its state does not fit together (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Scores one row of zeros of the pipeline's own features, so that a model whose saved state does not
   * fit the features the manifest lists is refused here, naming the file, rather than failing on the
   * first batch of the user's data.
   */
  private static void probe(Path file, DetectorModel model, List<String> features, int[] shape) {
    ad.core.Dataset zeros = ad.core.Dataset.of("probe", 1, features.size(), new float[features.size()], features,
        null).withSampleShape(shape);
    try {
      model.score(zeros);
    } catch (UserException e) {
      throw new UserException(file + " is corrupt: its model does not fit its own " + features.size() + " features: "
          + e.getMessage(), e);
    }
  }

  /**
   * Two keys in this order. Not {@code Map.of}: its iteration order changes from one JVM start to the
   * next, and with it the manifest's bytes.
   */
  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  /** The {@code input} section: which raw columns play which role. */
  private static Map<String, Object> input(InputColumns inputs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("numeric", inputs.numeric());
    m.put("categorical", inputs.categorical());
    m.put("dropped", inputs.dropped());
    m.put("label", inputs.label());
    return m;
  }

  /** The {@code series} section: everything that turns a raw series file into windows, and back. */
  private static Map<String, Object> series(Windowing w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("window", w.window());
    m.put("stride", w.stride());
    m.put("point_scores", w.aggregation().name().toLowerCase(java.util.Locale.ROOT));
    m.put("timestamp_column", w.timestampColumn());
    return m;
  }

  /** The windowing of a series pipeline, or null for a pipeline over rows (no {@code series} section). */
  private static Windowing windowing(Path file, JsonNode series) {
    if (series == null || series.isNull()) {
      return null;
    }
    JsonNode window = series.path("window");
    JsonNode stride = series.path("stride");
    if (!window.canConvertToExactIntegral() || !stride.canConvertToExactIntegral()
        || window.asInt() < 1 || stride.asInt() < 1) {
      throw new UserException(file + " is corrupt: its series window and stride must be whole numbers >= 1, got "
          + window + " and " + stride);
    }
    ad.core.series.Aggregation aggregation;
    try {
      aggregation = ad.core.series.Aggregation.parse("point_scores", series.path("point_scores").asText());
    } catch (ad.core.registry.OptionException e) {
      throw new UserException(file + " is corrupt: its series " + e.getMessage());
    }
    JsonNode timestamp = series.get("timestamp_column");
    return new Windowing(window.asInt(), stride.asInt(), aggregation,
        timestamp == null || timestamp.isNull() ? null : timestamp.asText());
  }

  /** The fitted encoder, or none when the file has no categorical columns (every version 1 file). */
  private static FittedEncoder encoder(Path file, JsonNode encoder, StateEntries.Reader state) {
    if (encoder == null || encoder.isNull()) {
      return FittedEncoder.none();
    }
    String type = encoder.path("type").asText();
    if (!OneHotEncoder.TYPE.equals(type)) {
      throw new UserException(file + " needs encoder type '" + type + "', which this ad does not have "
          + "(known: [" + OneHotEncoder.TYPE + "])");
    }
    JsonNode unknown = encoder.path("options").path("unknown_column");
    if (!unknown.isBoolean()) {
      throw new UserException(file + " is corrupt: its encoder's unknown_column is not true or false");
    }
    return new OneHotEncoder(unknown.asBoolean()).load(state);
  }

  /**
   * The raw-column layout; files without one (version 1) read every feature as a numeric column. The
   * layout must encode to exactly the file's features (for a series pipeline, windows of its
   * channels), so that a model never sees shifted columns.
   */
  private static InputColumns inputs(Path file, JsonNode input, FittedEncoder encoder, List<String> features,
      Windowing windowing) {
    if (windowing != null && (input == null || input.isNull())) {
      throw new UserException(file + " is corrupt: it has a series section but no input layout (its channels)");
    }
    if (input == null || input.isNull()) {
      if (!encoder.vocabularies().isEmpty()) {
        throw new UserException(file + " is corrupt: it has an encoder but no input layout");
      }
      return InputColumns.numericOnly(features);
    }
    List<String> categorical = texts(file, input, "categorical");
    JsonNode label = input.get("label");
    InputColumns inputs = new InputColumns(texts(file, input, "numeric"), encoder, texts(file, input, "dropped"),
        label == null || label.isNull() ? null : label.asText());
    if (windowing != null) {
      if (!categorical.isEmpty() || !windowing.featureNames(inputs.numeric()).equals(features)) {
        throw new UserException(file + " is corrupt: its channels " + Abbreviated.list(inputs.numeric())
            + " over windows of " + windowing.window() + " are not its " + features.size() + " features");
      }
      return inputs;
    }
    if (!inputs.categorical().equals(categorical) || !inputs.featureNames().equals(features)) {
      throw new UserException(file + " is corrupt: its input columns (numeric " + Abbreviated.list(inputs.numeric())
          + ", categorical " + categorical + ") do not encode to its " + features.size() + " features");
    }
    return inputs;
  }

  private static List<String> texts(Path file, JsonNode parent, String key) {
    JsonNode node = parent.get(key);
    if (node == null || !node.isArray()) {
      throw new UserException(file + " is corrupt: its input layout lacks the list '" + key + "'");
    }
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Refuses a manifest of a newer (or no) format version, before any entry is read. */
  private static void requireReadableVersion(Path file, JsonNode manifest) {
    JsonNode version = manifest.path("format_version");
    if (version.canConvertToExactIntegral() && version.asLong() > VERSION) {
      throw new UserException(file + " was written by a newer ad (model format version " + version.asText()
          + "); this ad reads versions up to " + VERSION + ": upgrade ad");
    }
    if (!version.canConvertToExactIntegral() || version.asLong() < 1) {
      throw new UserException(file + " is corrupt: model format version " + version);
    }
  }

  private static <T> ComponentType<?, T> type(Path file, Registry registry, Class<T> kind, JsonNode manifest,
      String key) {
    String type = manifest.path(key).path("type").asText();
    return registry.find(kind, type).orElseThrow(() -> new UserException(file + " needs " + key
        + " type '" + type + "', which this ad does not have (known: " + registry.names(kind) + ")"));
  }

  private static Object options(Path file, ComponentType<?, ?> type, JsonNode component) {
    JsonNode options = component.path("options");
    if (type.optionsType() == ad.core.registry.NoOptions.class) {
      return ad.core.registry.NoOptions.INSTANCE;
    }
    if (!options.isObject()) {
      throw new UserException(file + " is corrupt: the options of '" + type.name() + "' are not a mapping of keys "
          + "to values");
    }
    // Jackson ignores unknown keys beside unwrapped options, so they are checked first (OptionKeys).
    String unknown = ad.eval.spec.OptionKeys.unknown(options,
        ad.eval.spec.OptionKeys.of(Json.MAPPER, type.optionsType())).orElse(null);
    if (unknown != null) {
      throw new UserException(file + " has options for '" + type.name() + "' that this ad cannot read: "
          + "unknown option '" + unknown + "' (written by a newer ad?)");
    }
    try {
      return Json.MAPPER.treeToValue(options, type.optionsType());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UserException(file + " has options for '" + type.name() + "' that this ad cannot read: "
          + e.getOriginalMessage());
    } catch (UserException e) {
      throw new UserException(file + " has invalid options for '" + type.name() + "': " + e.getMessage());
    }
  }

  private static JsonNode required(Path file, JsonNode manifest, String key) {
    JsonNode node = manifest.get(key);
    if (node == null || node.isNull()) {
      throw new UserException(file + " is corrupt: its manifest lacks '" + key + "'");
    }
    return node;
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

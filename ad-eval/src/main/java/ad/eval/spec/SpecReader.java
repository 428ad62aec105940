package ad.eval.spec;

import ad.core.Detector;
import ad.core.Thresholder;
import ad.core.UserException;
import ad.core.data.FileProblems;
import ad.core.data.ReadableFile;
import ad.core.data.TextEncoding;
import ad.core.data.DatasetSource;
import ad.core.protocol.Protocol;
import ad.core.registry.ComponentType;
import ad.core.registry.NoOptions;
import ad.core.registry.OptionException;
import ad.core.registry.Registry;
import ad.core.scale.Scaler;
import ad.core.series.Aggregation;
import ad.eval.metrics.Measures;
import ad.eval.spec.ExperimentSpec.Options;
import ad.eval.threshold.LabelledThresholder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates an experiment file. Every problem becomes a {@link SpecException} naming the
 * file, the line and column, the key, and what was expected.
 */
public final class SpecReader {
  private static final Pattern NAME = Pattern.compile(ExperimentFile.NAME_PATTERN);
  /** Where SnakeYAML locates a problem in its message (1-based); the last one is the problem itself. */
  private static final Pattern YAML_MARK = Pattern.compile(" in '[^']*', line (\\d+), column (\\d+):");

  private final Registry registry;
  private final YAMLMapper mapper = SpecMapper.create();

  public SpecReader(Registry registry) {
    this.registry = registry;
  }

  public ExperimentSpec read(Path file) {
    ReadableFile.requireFile(file, "experiment file", "");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UserException("cannot read experiment file " + file + ": " + FileProblems.reason(e), e);
    }
    TextEncoding.problem(bytes, 0, bytes.length, "the experiment file", true).ifPresent(problem -> {
      throw new UserException(file + ": " + problem);
    });
    return read(file, new String(bytes, StandardCharsets.UTF_8));
  }

  /** Reads {@code text} as if it were the content of {@code file} (which is used in messages). */
  public ExperimentSpec read(Path file, String text) {
    return new Reading(file, text).spec();
  }

  /** One reading of one file: holds the source map that locates errors. */
  private final class Reading {
    private final Path file;
    private final String text;
    private SourceMap sourceMap;
    /** While a grid variant is bound: option pointer -> pointer of the grid value it came from. */
    private Map<String, String> gridPointers = Map.of();

    Reading(Path file, String text) {
      this.file = file;
      this.text = text;
    }

    ExperimentSpec spec() {
      JsonNode tree;
      try {
        sourceMap = SourceMap.of(mapper.getFactory(), text);
        tree = mapper.readTree(text);
      } catch (JsonProcessingException e) {
        var at = e.getLocation();
        int line = at == null ? 1 : at.getLineNr();
        int column = at == null ? 1 : at.getColumnNr();
        // The YAML scanner knows better where the problem is (e.g. a tab) than the last token read.
        var mark = YAML_MARK.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        while (mark.find()) {
          line = Integer.parseInt(mark.group(1));
          column = Integer.parseInt(mark.group(2));
        }
        throw new SpecException(file, line, column,
            e instanceof SourceMap.ForbiddenTag ? firstLine(e.getOriginalMessage())
                : "malformed YAML: " + yamlProblem(e.getOriginalMessage()));
      }
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        throw error("", "the file is empty; an experiment needs at least 'name', 'datasets' and 'detectors'");
      }
      if (!tree.isObject()) {
        throw error("", "expected a mapping of keys (name, datasets, detectors, ...) at the top level, got "
            + describe(tree));
      }
      // Defaults are filled in and the top-level values checked by the record itself.
      ExperimentFile raw = bind(tree, ExperimentFile.class, "", "");
      List<Component<DatasetSource>> datasets =
          components(DatasetSource.class, raw.datasets(), "/datasets", "datasets");
      List<Component<Detector>> detectors =
          components(Detector.class, raw.detectors(), "/detectors", "detectors");
      Component<Protocol> protocol = component(Protocol.class, raw.protocol(), "/protocol");
      Component<Scaler> scaler = component(Scaler.class, raw.scaler(), "/scaler");
      List<ThresholdRule> thresholders = thresholders(raw);
      requireOraclesAllowed(thresholders, raw.allowOracle(), raw);
      List<String> metrics = metrics(raw.metrics());
      if (raw.savePointScores()
          && datasets.stream().noneMatch(d -> d.instance() instanceof ad.core.data.SeriesSource)) {
        throw error("/save_point_scores", "'save_point_scores' writes the point scores of series datasets, and "
            + "this experiment has none (type: series)");
      }
      Options options = new Options(raw.workers(), raw.saveModels(), raw.savePointScores(), raw.charts(),
          raw.allowOracle(), metrics, raw.pointScores(),
          raw.seriesModels() == ExperimentFile.SeriesModels.PER_FILE, raw.chartFormat());
      return new ExperimentSpec(file, raw.name(), raw.description(), raw.seeds(), options, datasets,
          protocol, scaler, detectors, thresholders);
    }

    /** A thresholder that reads the test labels is allowed only where the spec says so. */
    private void requireOraclesAllowed(List<ThresholdRule> rules, boolean allowed, ExperimentFile raw) {
      for (int i = 0; i < rules.size(); i++) {
        ThresholdRule rule = rules.get(i);
        if (!LabelledThresholder.isOracle(rule.thresholder().instance())) {
          continue;
        }
        String at = raw.thresholders() != null ? "/thresholders" : "/thresholder";
        if (!allowed) {
          throw error(at, "thresholder '" + rule.name() + "' reads the test labels (an oracle: an upper "
              + "bound, not a label-free result); add 'allow_oracle: true' to include it, and every "
              + "output marks it as an oracle");
        }
        if (rule.fitOn() != ThresholdRule.FitOn.TEST) {
          rules.set(i, new ThresholdRule(rule.thresholder(), ThresholdRule.FitOn.TEST));
        }
      }
    }

    /** Extra measures by name, each checked against the registry of measures. */
    private List<String> metrics(List<String> names) {
      if (names == null) {
        return List.of();
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (name == null || Measures.find(name).isEmpty()) {
          throw error("/metrics/" + i, "unknown measure '" + name + "'"
              + (name == null ? "" : Suggestions.didYouMean(name, Measures.names())) + "; known measures: "
              + Measures.names());
        }
        if (!seen.add(name)) {
          throw error("/metrics/" + i, "measure '" + name + "' is listed twice");
        }
      }
      return List.copyOf(names);
    }

    /**
     * 'thresholder: x' (one) or 'thresholders: [x, y]' (several, each applied to the same scores),
     * each with an optional 'fit_on:'.
     */
    private List<ThresholdRule> thresholders(ExperimentFile raw) {
      List<JsonNode> nodes;
      String pointer;
      if (raw.thresholders() != null) {
        nodes = raw.thresholders();
        pointer = "/thresholders";
      } else {
        nodes = List.of(raw.thresholder());
        pointer = "/thresholder";
      }
      List<ThresholdRule> rules = new ArrayList<>();
      List<JsonNode> withoutFitOn = new ArrayList<>();
      List<ThresholdRule.FitOn> fitOns = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        JsonNode node = nodes.get(i);
        String at = raw.thresholders() != null ? pointer + "/" + i : pointer;
        ThresholdRule.FitOn fitOn = ThresholdRule.FitOn.VALIDATION;
        if (node != null && node.isObject() && node.has("fit_on")) {
          String value = node.get("fit_on").asText();
          try {
            fitOn = ThresholdRule.FitOn.valueOf(value.toUpperCase(java.util.Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw error(at + "/fit_on", "'fit_on' must be validation, train or test, got '" + value + "'");
          }
          node = ((ObjectNode) node).deepCopy();
          ((ObjectNode) node).remove("fit_on");
        }
        withoutFitOn.add(node);
        fitOns.add(fitOn);
      }
      List<List<Component<Thresholder>>> perEntry = raw.thresholders() != null
          ? componentsPerEntry(Thresholder.class, withoutFitOn, pointer, "thresholders")
          : List.of(List.of(component(Thresholder.class, withoutFitOn.get(0), pointer)));
      for (int i = 0; i < perEntry.size(); i++) {
        for (Component<Thresholder> c : perEntry.get(i)) {
          rules.add(new ThresholdRule(c, fitOns.get(i)));
        }
      }
      return rules;
    }


    private <T> List<Component<T>> components(Class<T> kind, List<JsonNode> nodes, String pointer,
        String key) {
      List<Component<T>> out = new ArrayList<>();
      componentsPerEntry(kind, nodes, pointer, key).forEach(out::addAll);
      return out;
    }

    /** The components of each entry of a list: one, or one per grid variant. */
    private <T> List<List<Component<T>>> componentsPerEntry(Class<T> kind, List<JsonNode> nodes,
        String pointer, String key) {
      if (nodes == null || nodes.isEmpty()) {
        throw error(pointer, "'" + key + "' must list at least one " + ComponentKind.of(kind).label()
            + "; known types: " + registry.names(kind));
      }
      List<List<Component<T>>> out = new ArrayList<>();
      Set<String> names = new HashSet<>();
      // Output files are named after these names made file-safe: two names that become one would
      // write over each other's charts and models.
      Map<String, String> fileLabels = new HashMap<>();
      for (int i = 0; i < nodes.size(); i++) {
        String at = pointer + "/" + i;
        List<Component<T>> variants = new ArrayList<>();
        out.add(variants);
        for (GridVariant variant : GridVariant.expand(nodes.get(i), at, this::error)) {
          gridPointers = variant.sourcePointers();
          Component<T> c;
          try {
            c = component(kind, variant.node(), at);
          } finally {
            gridPointers = Map.of();
          }
          if (!variant.label().isEmpty()) {
            c = c.named(c.name() + "(" + variant.label() + ")");
          }
          if (!names.add(c.name())) {
            throw error(at, "two " + key + " are named '" + c.name() + "'; give each a distinct 'name:'");
          }
          String label = ad.eval.io.FileNames.label(c.name());
          String other = fileLabels.putIfAbsent(label, c.name());
          if (other != null) {
            throw error(at, "the " + key + " '" + other + "' and '" + c.name() + "' would share the file name '"
                + label + "' (charts, saved models) and write over each other's files; give one another 'name:'");
          }
          variants.add(c);
        }
      }
      return out;
    }

    private <T> Component<T> component(Class<T> kind, JsonNode node, String pointer) {
      String label = ComponentKind.of(kind).label();
      String type;
      String name = null;
      ObjectNode options = mapper.createObjectNode();
      if (node != null && node.isTextual()) {
        type = node.asText();
      } else if (node != null && node.isObject()) {
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
          throw error(pointer, "this " + label + " needs a 'type:'; known " + label + " types: "
              + registry.names(kind));
        }
        type = typeNode.asText();
        JsonNode nameNode = node.get("name");
        if (nameNode != null) {
          if (!nameNode.isTextual() || !NAME.matcher(nameNode.asText()).matches()) {
            throw error(pointer + "/name", "'name' must be letters, digits, '.', '_' or '-', got "
                + describe(nameNode));
          }
          name = nameNode.asText();
        }
        options = ((ObjectNode) node).deepCopy();
        options.remove("type");
        options.remove("name");
      } else {
        throw error(pointer, "expected a " + label + ": a type name, or a mapping with 'type:' and its "
            + "options; got " + describe(node));
      }
      ComponentType<?, T> componentType = registry.find(kind, type).orElseThrow(() -> error(
          pointer + (node.isObject() ? "/type" : ""), "unknown " + label + " type '" + type + "'"
              + Suggestions.didYouMean(type, registry.names(kind)) + "; known " + label + " types: "
              + registry.names(kind)));
      Object bound = bindOptions(componentType, options, pointer, label);
      T instance;
      try {
        instance = componentType.create(bound);
      } catch (OptionException e) {
        throw error(pointer + "/" + e.field().replace('.', '/'), label + " '" + type + "': "
            + e.getMessage());
      }
      return new Component<>(name != null ? name : type, type, bound, instance, componentType.baseline());
    }

    private Object bindOptions(ComponentType<?, ?> type, ObjectNode options, String pointer,
        String label) {
      if (type.optionsType() == NoOptions.class) {
        var fields = options.fieldNames();
        if (fields.hasNext()) {
          String key = fields.next();
          throw error(pointer + "/" + key, "unknown key '" + key + "': " + label + " type '"
              + type.name() + "' takes no options");
        }
        return NoOptions.INSTANCE;
      }
      String what = label + " type '" + type.name() + "'";
      // Checked here, not by Jackson, which ignores unknown keys beside unwrapped options (OptionKeys).
      Set<String> known = OptionKeys.of(mapper, type.optionsType());
      String unknown = OptionKeys.unknown(options, known).orElse(null);
      if (unknown != null) {
        throw unknownKey(pointer + "/" + unknown, unknown, what, known, true);
      }
      return bind(options, type.optionsType(), pointer, what);
    }

    /** A key the bound type does not take, with the closest valid one and the list of them. */
    private SpecException unknownKey(String at, String key, String what, Set<String> keys,
        boolean component) {
      Set<String> known = new TreeSet<>(keys);
      if (component) {
        known.add("name");
        known.add("type");
        known.add("grid");
      }
      return error(at, "unknown key '" + key + "' for " + (what.isEmpty() ? "the experiment" : what)
          + Suggestions.didYouMean(key, known) + "; valid keys: " + known);
    }

    /** Binds {@code node} to {@code target}, turning every Jackson error into a located message. */
    private <O> O bind(JsonNode node, Class<O> target, String pointer, String what) {
      String prefix = what.isEmpty() ? "" : what + ": ";
      try {
        return mapper.treeToValue(node, target);
      } catch (UnrecognizedPropertyException e) {
        Set<String> known = new TreeSet<>();
        if (e.getKnownPropertyIds() != null) {
          e.getKnownPropertyIds().forEach(k -> known.add(k.toString()));
        }
        throw unknownKey(pointer + pathOf(e), e.getPropertyName(), what, known,
            target != ExperimentFile.class);
      } catch (ValueInstantiationException e) {
        if (e.getCause() instanceof OptionException o) {
          throw error(pointer + pathOf(e) + "/" + o.field().replace('.', '/'), prefix + o.getMessage());
        }
        if (e.getCause() instanceof UserException u) {
          throw error(pointer + pathOf(e), prefix + u.getMessage());
        }
        throw error(pointer + pathOf(e), prefix + firstLine(e.getOriginalMessage()));
      } catch (InvalidFormatException e) {
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
          List<String> allowed = SpecMapper.enumNames(mapper, e.getTargetType());
          String got = String.valueOf(e.getValue());
          throw error(pointer + pathOf(e), prefix + "'" + lastKey(e) + "' must be one of " + allowed
              + ", got '" + got + "'" + Suggestions.didYouMean(got, allowed));
        }
        throw error(pointer + pathOf(e), "'" + lastKey(e) + "' expects " + describe(e.getTargetType())
            + ", got '" + e.getValue() + "'");
      } catch (MismatchedInputException e) {
        JsonNode got;
        try {
          got = node.at(pathOf(e));
        } catch (IllegalArgumentException notAPointer) {
          got = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        throw error(pointer + pathOf(e), "'" + lastKey(e) + "' expects " + expected(e.getTargetType())
            + (got.isMissingNode() ? " (" + firstLine(e.getOriginalMessage()) + ")" : ", got " + describe(got)));
      } catch (JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? pathOf(m) : "";
        throw error(pointer + path, prefix + firstLine(e.getOriginalMessage()));
      }
    }

    /** What a value of {@code type} looks like, for a message: one of an enum's names, say. */
    private String expected(Class<?> type) {
      return type != null && type.isEnum() ? "one of " + SpecMapper.enumNames(mapper, type) : describe(type);
    }

    private SpecException error(String pointer, String problem) {
      // An option that came from a grid is located at its value inside the grid.
      for (Map.Entry<String, String> e : gridPointers.entrySet()) {
        if (pointer.equals(e.getKey()) || pointer.startsWith(e.getKey() + "/")) {
          pointer = e.getValue() + pointer.substring(e.getKey().length());
          break;
        }
      }
      SourceMap.Position at = sourceMap == null ? new SourceMap.Position(1, 1) : sourceMap.find(pointer);
      return new SpecException(file, at.line(), at.column(), problem);
    }
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      out.append('/').append(r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()));
    }
    return out.toString();
  }

  private static String lastKey(JsonMappingException e) {
    List<JsonMappingException.Reference> path = e.getPath();
    for (int i = path.size() - 1; i >= 0; i--) {
      if (path.get(i).getFieldName() != null) {
        return path.get(i).getFieldName();
      }
    }
    return "value";
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text value";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping of keys (" + type.getSimpleName() + ")";
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nothing";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    return "'" + node.asText() + "'";
  }

  /**
   * The YAML parser's own words without its location and source excerpt lines (the message is located
   * already): "while parsing a flow sequence: expected ',' or ']', but got ...".
   */
  private static String yamlProblem(String message) {
    if (message == null) {
      return "invalid YAML";
    }
    List<String> parts = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .map(String::trim).toList();
    return parts.isEmpty() ? firstLine(message) : String.join(": ", parts);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}

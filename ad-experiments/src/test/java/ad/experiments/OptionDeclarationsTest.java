package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.UserException;
import ad.core.registry.ComponentType;
import ad.core.registry.NoOptions;
import ad.core.registry.OptionException;
import ad.eval.schema.Constraints;
import ad.eval.schema.OptionProperty;
import ad.eval.schema.OptionsModel;
import ad.eval.spec.ExperimentFile;
import ad.eval.spec.SpecMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The option declarations that {@code ad list} and the JSON Schema show ({@code @JsonPropertyDescription},
 * jakarta.validation constraints) cannot drift from what the options records accept: for every
 * registered component and the experiment file's own keys,
 * <ul>
 *   <li>every key has a one-line meaning;
 *   <li>every declared bound is the constructor's: a value at an inclusive bound is accepted, at an
 *       exclusive bound refused, just beyond any bound refused (naming the key); a list shorter than
 *       its declared size, or a required key left out, is refused;
 *   <li>and nothing undeclared is checked: a number without a declared lower (upper) bound takes
 *       -1e6 (1e6), and a key the record cannot do without is declared required.
 * </ul>
 * Values are bound through the spec reader's own mapper and built with the component's factory, as
 * a file's would be.
 */
class OptionDeclarationsTest {
  private static final ObjectMapper MAPPER = SpecMapper.create();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Keys that are one of a group of which one is required: not required alone. */
  private static final Set<String> ONE_OF_A_GROUP = Set.of("idx_images.normal_classes");
  private static final double FAR = 1e6;

  /** One options record and how a component is built from it. */
  record Subject(String name, Class<?> options, Function<Object, Object> create) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Subject> subjects() {
    List<Subject> out = new ArrayList<>();
    out.add(new Subject("experiment", ExperimentFile.class, o -> o));
    var registry = ProductionRegistry.load();
    for (var kind : ad.eval.spec.ComponentKind.values()) {
      for (ComponentType<?, ?> c : registry.all(kind.type())) {
        if (c.optionsType() != NoOptions.class) {
          out.add(new Subject(c.name(), c.optionsType(), c::create));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("subjects")
  void everyKeyHasAMeaning(Subject subject) {
    List<String> missing = new ArrayList<>();
    forEachKey(OptionsModel.of(MAPPER, subject.options()), "", (model, p, key) -> {
      if (p.description().isBlank()) {
        missing.add(key);
      }
    });
    assertTrue(missing.isEmpty(), subject + ": keys without @JsonPropertyDescription: " + missing);
  }

  @ParameterizedTest
  @MethodSource("subjects")
  void declaredValuesAreTheOnesTheRecordAccepts(Subject subject) {
    OptionsModel root = OptionsModel.of(MAPPER, subject.options());
    List<String> problems = new ArrayList<>();
    Probe probe = new Probe(subject, root, problems);
    probe.expect(true, root.minimal(), "", "the smallest valid options");
    forEachKey(root, "", (model, p, key) -> probe.check(model, p, key));
    assertTrue(problems.isEmpty(), subject + ":\n  " + String.join("\n  ", problems));
  }

  @ParameterizedTest
  @MethodSource("subjects")
  void keysTheRecordCannotDoWithoutAreDeclaredRequired(Subject subject) {
    List<String> undeclared = new ArrayList<>();
    forEachKey(OptionsModel.of(MAPPER, subject.options()), "", (model, p, key) -> {
      if (model.isFilledIn(p) && !p.constraints().required()
          && !ONE_OF_A_GROUP.contains(subject.name() + "." + key)) {
        undeclared.add(key);
      }
    });
    assertTrue(undeclared.isEmpty(), subject + ": required keys without @NotNull (or @NotEmpty, "
        + "@NotBlank): " + undeclared);
  }

  @ParameterizedTest
  @MethodSource("subjects")
  void theSmallestValidOptionsAreFound(Subject subject) {
    assertFalse(OptionsModel.of(MAPPER, subject.options()).minimal().isMissingNode());
  }

  @FunctionalInterface
  interface KeyVisitor {
    void visit(OptionsModel model, OptionProperty property, String key);
  }

  /** Every key, nested ones dotted ({@code normal.count}), with the model that declares it. */
  private static void forEachKey(OptionsModel model, String prefix, KeyVisitor visitor) {
    for (OptionProperty p : model.properties()) {
      visitor.visit(model, p, prefix + p.key());
      if (p.isNested()) {
        forEachKey(model.nested(p), prefix + p.key() + ".", visitor);
      }
    }
  }

  /** Builds variants of the smallest valid options and checks what the record makes of them. */
  private static final class Probe {
    private final Subject subject;
    private final OptionsModel root;
    private final ObjectNode base;
    private final List<String> problems;

    Probe(Subject subject, OptionsModel root, List<String> problems) {
      this.subject = subject;
      this.root = root;
      this.base = root.minimal();
      this.problems = problems;
    }

    void check(OptionsModel model, OptionProperty p, String key) {
      Constraints c = p.constraints();
      if (c.required()) {
        ObjectNode without = base.deepCopy();
        parentOf(without, key).remove(last(key));
        expect(false, without, key, "left out, though declared required");
      }
      if (c.notBlank()) {
        expect(false, with(key, NODES.textNode(" ")), key, "blank, though declared @NotBlank");
      }
      Class<?> raw = p.type().getRawClass();
      if (isNumber(raw)) {
        numbers(key, c, isInteger(raw), v -> v);
      }
      if (p.type().isCollectionLikeType()) {
        Class<?> item = p.type().getContentType().getRawClass();
        int n = c.minSize() == null ? 1 : Math.max(1, c.minSize());
        if (c.minSize() != null) {
          expect(false, with(key, list(n - 1, model.sample(p.type().getContentType(),
              items(c)))), key, (n - 1) + " items, fewer than the declared " + c.minSize());
        }
        if (isNumber(item)) {
          numbers(key, items(c), isInteger(item), v -> list(n, v));
        }
      }
    }

    /** Probes at and beyond the declared bounds of a number (or of every item of a list). */
    private void numbers(String key, Constraints c, boolean integer, Function<JsonNode, JsonNode> wrap) {
      if (c.min() != null) {
        bound(key, c.min(), c.minInclusive(), -1, integer, wrap);
      } else {
        expect(true, with(key, wrap.apply(number(-FAR, integer))), key,
            "-1e6, with no lower bound declared");
      }
      if (c.max() != null) {
        bound(key, c.max(), c.maxInclusive(), +1, integer, wrap);
      } else {
        expect(true, with(key, wrap.apply(number(FAR, integer))), key,
            "1e6, with no upper bound declared");
      }
    }

    /** {@code outward}: -1 for a lower bound (beyond is below it), +1 for an upper one. */
    private void bound(String key, BigDecimal bound, boolean inclusive, int outward, boolean integer,
        Function<JsonNode, JsonNode> wrap) {
      double b = bound.doubleValue();
      double step = integer ? 1 : Math.max(1e-9, Math.abs(b) * 1e-9);
      String side = outward < 0 ? "lower" : "upper";
      expect(inclusive, with(key, wrap.apply(number(b, integer))), key,
          "at its " + (inclusive ? "inclusive" : "exclusive") + " " + side + " bound " + b);
      expect(false, with(key, wrap.apply(number(b + outward * step, integer))), key,
          "just beyond its " + side + " bound " + b);
      if (!inclusive) {
        expect(true, with(key, wrap.apply(number(b - outward * step, integer))), key,
            "just inside its exclusive " + side + " bound " + b);
      }
    }

    void expect(boolean accepted, ObjectNode options, String key, String what) {
      Verdict v = attempt(options);
      if (v.field() != null && !v.field().equals(key) && isOneOfAGroup(v.field())) {
        // The other key of a group of which one is given (normal_classes, anomaly_classes).
        ObjectNode without = options.deepCopy();
        without.remove(v.field());
        v = attempt(without);
      }
      // A rule across keys may refuse a value at the other keys' defaults (validation_fraction +
      // test_fraction < 1, patience needs validation_split > 0, mask_fraction needs noise: masking):
      // the value is accepted if some setting of the others allows it.
      for (Iterator<ObjectNode> others = otherSettings(options, key); accepted && !v.accepted()
          && !v.byAnotherKey(key) && others.hasNext(); ) {
        v = attempt(others.next());
      }
      if (accepted && !v.accepted() && !v.byAnotherKey(key)) {
        problems.add(key + " " + what + " should be accepted, but: " + v.message());
      } else if (!accepted && v.accepted()) {
        problems.add(key + " " + what + " should be refused, and is accepted");
      } else if (!accepted && v.field() != null && !v.field().equals(key)) {
        problems.add(key + " " + what + " is refused, but for '" + v.field() + "': " + v.message());
      }
    }

    private boolean isOneOfAGroup(String key) {
      return ONE_OF_A_GROUP.contains(subject.name() + "." + key);
    }

    /**
     * {@code options} with the other top-level keys set otherwise: every bounded number at its
     * inclusive lower bound, then every one between its bounds, then each value of each choice.
     */
    private Iterator<ObjectNode> otherSettings(ObjectNode options, String key) {
      List<ObjectNode> out = new ArrayList<>();
      ObjectNode low = options.deepCopy();
      ObjectNode middle = options.deepCopy();
      for (OptionProperty p : root.properties()) {
        Constraints c = p.constraints();
        Class<?> raw = p.type().getRawClass();
        if (p.key().equals(key)) {
          continue;
        }
        if (isNumber(raw) && c.min() != null && c.minInclusive()) {
          low.set(p.key(), number(c.min().doubleValue(), isInteger(raw)));
        }
        if (isNumber(raw) && c.min() != null && c.max() != null) {
          middle.set(p.key(), number((c.min().doubleValue() + c.max().doubleValue()) / 2, isInteger(raw)));
        }
        if (raw.isEnum()) {
          for (Object constant : raw.getEnumConstants()) {
            out.add(options.deepCopy().set(p.key(), MAPPER.valueToTree(constant)));
          }
        }
      }
      out.add(0, middle);
      out.add(0, low);
      return out.iterator();
    }

    private Verdict attempt(JsonNode options) {
      try {
        subject.create().apply(MAPPER.treeToValue(options, subject.options()));
        return new Verdict(true, null, "");
      } catch (ValueInstantiationException e) {
        if (e.getCause() instanceof OptionException o) {
          return new Verdict(false, fullKey(e, o), o.getMessage());
        }
        return new Verdict(false, null, e.getOriginalMessage());
      } catch (JsonProcessingException e) {
        return new Verdict(false, null, e.getOriginalMessage());
      } catch (OptionException e) {
        return new Verdict(false, e.field(), e.getMessage());
      } catch (UserException e) {
        return new Verdict(false, null, e.getMessage());
      }
    }

    private static String fullKey(ValueInstantiationException e, OptionException o) {
      StringBuilder key = new StringBuilder();
      for (var r : e.getPath()) {
        if (r.getFieldName() != null) {
          key.append(r.getFieldName()).append('.');
        }
      }
      return key + o.field();
    }

    private ObjectNode with(String key, JsonNode value) {
      ObjectNode copy = base.deepCopy();
      parentOf(copy, key).set(last(key), value);
      return copy;
    }

    /** The mapping that holds {@code key}; an optional nested record left out is given its smallest. */
    private ObjectNode parentOf(ObjectNode options, String key) {
      ObjectNode at = options;
      OptionsModel model = root;
      String[] parts = key.split("\\.");
      for (int i = 0; i < parts.length - 1; i++) {
        String part = parts[i];
        OptionProperty p = model.properties().stream().filter(q -> q.key().equals(part)).findFirst()
            .orElseThrow();
        model = model.nested(p);
        JsonNode child = at.get(part);
        at = child instanceof ObjectNode o ? o : (ObjectNode) at.set(part, model.minimal()).get(part);
      }
      return at;
    }

    private static String last(String key) {
      return key.substring(key.lastIndexOf('.') + 1);
    }

    private static Constraints items(Constraints c) {
      return c.items() == null ? Constraints.NONE : c.items();
    }

    private static ArrayNode list(int n, JsonNode item) {
      ArrayNode out = NODES.arrayNode();
      for (int i = 0; i < n; i++) {
        out.add(item);
      }
      return out;
    }

    private static JsonNode number(double v, boolean integer) {
      return integer ? NODES.numberNode((long) v) : NODES.numberNode(v);
    }

    private static boolean isInteger(Class<?> raw) {
      return raw == Integer.class || raw == Long.class || raw == int.class || raw == long.class;
    }

    private static boolean isNumber(Class<?> raw) {
      return Number.class.isAssignableFrom(raw) || raw.isPrimitive() && raw != boolean.class;
    }
  }

  /**
   * What the record made of a mapping.
   *
   * @param field the key an {@link OptionException} named, dotted for nested keys; null otherwise
   */
  record Verdict(boolean accepted, String field, String message) {
    /** Refused by a rule across keys (e.g. two fractions that must leave rows to train on). */
    boolean byAnotherKey(String key) {
      return field != null && !field.equals(key);
    }
  }
}

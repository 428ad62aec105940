package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ad.core.registry.Registry;
import ad.eval.schema.ExperimentSchema;
import ad.eval.spec.SpecException;
import ad.eval.spec.SpecReader;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema of the experiment file as an editor uses it: the checked-in copy is what
 * {@code ad schema} generates today, every shipped experiment points editors at it and passes it, and
 * it flags the mistakes the reader refuses, at the line an editor would underline.
 */
class ExperimentSchemaTest {
  private static final String MODELINE = "# yaml-language-server: $schema=../" + ExperimentSchema.REPOSITORY_PATH;
  private static final String THRESHOLDER = "thresholder:\n  type: mean_std\n  k: 3";
  private static final String PROTOCOL = "protocol:\n  type: novelty\n  validation_fraction: 0.2\n"
      + "  test_fraction: 0.2";
  private static Path repository;
  private static Schema schema;

  @BeforeAll
  static void loadCheckedInSchema() throws IOException {
    repository = CommandLineTest.repository();
    String text = Files.readString(repository.resolve(ExperimentSchema.REPOSITORY_PATH));
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
  }

  @Test
  void theCheckedInSchemaIsWhatAdSchemaWritesToday() throws IOException {
    String generated = new ExperimentSchema(ProductionRegistry.load()).generateText();
    String checkedIn = Files.readString(repository.resolve(ExperimentSchema.REPOSITORY_PATH));
    if (!generated.equals(checkedIn)) {
      List<String> a = checkedIn.lines().toList();
      List<String> b = generated.lines().toList();
      int line = 0;
      while (line < Math.min(a.size(), b.size()) && a.get(line).equals(b.get(line))) {
        line++;
      }
      throw new AssertionError(ExperimentSchema.REPOSITORY_PATH + " is out of date (first difference at "
          + "line " + (line + 1) + ": " + (line < b.size() ? b.get(line).trim() : "<end>") + "); regenerate "
          + "it from the repository root with\n  ./ad schema --out " + ExperimentSchema.REPOSITORY_PATH
          + "\nand commit it");
    }
  }

  @Test
  void theAdSchemaCommandWritesTheSameSchema() throws IOException {
    Path out = Files.createTempDirectory("schema").resolve("experiment.schema.json");
    CommandLineTest.Outcome o = CommandLineTest.ad("schema", "--out", out.toString());
    assertEquals(0, o.status(), o.err());
    // The command sees the tests' own components too; the file they write has the same shape.
    assertTrue(Files.readString(out).startsWith("{\n  \"$schema\" : \"http://json-schema.org/draft-07/schema#\""));
    CommandLineTest.Outcome stdout = CommandLineTest.ad("schema");
    assertEquals(Files.readString(out), stdout.out());
  }

  @Test
  void everyShippedExperimentPointsEditorsAtTheSchemaAndPassesIt() throws IOException {
    List<Path> files;
    try (var list = Files.list(repository.resolve("experiments"))) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      String text = Files.readString(file);
      assertTrue(text.startsWith(MODELINE + "\n"), file + " should start with\n" + MODELINE);
      assertEquals(List.of(), messages(file.getFileName().toString(), text), file.toString());
    }
  }

  @Test
  void aMisspeltKeyIsUnderlinedWhereAnEditorWouldAndTheReaderAgrees() throws IOException {
    String tutorial = Files.readString(repository.resolve("experiments/seed-tutorial.yaml"));
    String typo = tutorial.replace("learning_rate:", "learnin_rate:");
    int line = lineOf(typo, "learnin_rate");
    List<String> messages = messages("bad.yaml", typo);
    System.out.println("schema says: " + messages);
    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).startsWith("bad.yaml:" + line + ":5: "), messages.toString());
    assertTrue(messages.get(0).contains("learnin_rate"), messages.toString());
    String reader = readerSays(typo);
    assertTrue(reader.contains("bad.yaml:" + line + ":5: unknown key 'learnin_rate'"), reader);
  }

  /** The tutorial's detector, and a VAE in its place without the VAE's required hidden_layers. */
  private static final String DENSE = "    type: dense_autoencoder\n    hidden_layers: [10]\n"
      + "    activation: relu\n    output_activation: sigmoid\n";
  private static final String VAE = "    type: variational_autoencoder\n    activation: relu\n";

  /** The tutorial's dense autoencoder turned into a VAE: no hidden layers, no dense-only keys. */
  private static String asVae(String tutorial) {
    return edit(tutorial, DENSE, VAE).replaceAll("(?m)^    code_neighbours:.*\n", "");
  }

  @Test
  void unknownTypesValuesOutOfRangeAndBadGridsAreFlagged() throws IOException {
    String tutorial = Files.readString(repository.resolve("experiments/seed-tutorial.yaml"));
    Map<String, String> broken = new HashMap<>();
    broken.put("an unknown detector type", edit(tutorial, "type: dense_autoencoder", "type: dense_autoencodr"));
    broken.put("a threshold k below its range", edit(tutorial, "  k: 3", "  k: -1"));
    broken.put("a fraction at its exclusive bound", edit(tutorial, "validation_fraction: 0.2",
        "validation_fraction: 1.0"));
    broken.put("a choice outside its values", edit(tutorial, "scaler: min_max", "scaler: min_mux"));
    broken.put("a misspelt key in a grid", edit(tutorial, "    learning_rate: 0.001\n",
        "    grid: {learnig_rate: [0.001, 0.01]}\n"));
    broken.put("a dataset without its required option", edit(tutorial, "    dimensions: 20\n", ""));
    broken.put("a detector without its required option", asVae(tutorial));
    broken.put("a learning rate below its range", edit(tutorial, "learning_rate: 0.001", "learning_rate: -0.1"));
    broken.put("an activation outside its values", edit(tutorial, "activation: relu", "activation: rellu"));
    broken.put("both thresholder and thresholders", tutorial + "thresholders: [iqr]\n");
    for (var e : broken.entrySet()) {
      assertFalse(messages("x.yaml", e.getValue()).isEmpty(), "the schema should flag " + e.getKey());
      assertFalse(readerSays(e.getValue()).isEmpty(), "the reader should refuse " + e.getKey());
    }
  }

  @Test
  void whatTheReaderAcceptsBeyondPlainMappingsPasses() throws IOException {
    String tutorial = Files.readString(repository.resolve("experiments/seed-tutorial.yaml"));
    Map<String, String> valid = new HashMap<>();
    valid.put("a required option given in the grid", edit(asVae(tutorial),
        "    learning_rate: 0.001\n", "    learning_rate: 0.001\n    grid: {hidden_layers: [[10], [4]]}\n"));
    valid.put("single values for lists", edit(edit(tutorial, "seeds: [42]", "seeds: 42"),
        "hidden_layers: [10]", "hidden_layers: 10"));
    valid.put("type names alone", edit(edit(tutorial, THRESHOLDER, "thresholders: [iqr, mean_std]"),
        PROTOCOL, "protocol: novelty"));
    valid.put("names and fit_on", edit(tutorial, THRESHOLDER,
        "thresholders:\n  - {name: top20, type: contamination, fraction: 0.2, fit_on: test}"));
    for (var e : valid.entrySet()) {
      assertEquals("", readerSays(e.getValue()), e.getKey());
      assertEquals(List.of(), messages("x.yaml", e.getValue()), e.getKey());
    }
  }

  /** What the schema says about a file: {@code file:line:column: message} per error, as an editor shows. */
  static List<String> messages(String name, String yaml) throws IOException {
    Map<String, int[]> at = positions(yaml);
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(yaml, InputFormat.YAML)) {
      String pointer = pointer(e.getInstanceLocation())
          + (e.getProperty() != null && "additionalProperties".equals(e.getKeyword()) ? "/" + e.getProperty() : "");
      int[] where = at.getOrDefault(pointer, new int[] {1, 1});
      out.add(name + ":" + where[0] + ":" + where[1] + ": " + e.getMessage());
    }
    return out;
  }

  /** {@code text} with {@code old} replaced, which it must hold (else the tutorial changed). */
  private static String edit(String text, String old, String replacement) {
    assertTrue(text.contains(old), "the tutorial no longer holds: " + old);
    return text.replace(old, replacement);
  }

  private static String readerSays(String yaml) {
    try {
      new SpecReader(Registry.load()).read(Path.of("bad.yaml"), yaml);
      return "";
    } catch (SpecException e) {
      return e.getMessage();
    }
  }

  private static String pointer(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.append('/').append(path.getElement(i));
    }
    return out.toString();
  }

  /** JSON pointer -> line and column (1-based) of the key or value, as the YAML parser reads them. */
  private static Map<String, int[]> positions(String yaml) throws IOException {
    Map<String, int[]> out = new HashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        var location = parser.currentTokenLocation();
        out.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
            new int[] {location.getLineNr(), location.getColumnNr()});
      }
    }
    return out;
  }

  private static int lineOf(String text, String needle) {
    return 1 + (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count();
  }
}

package ad.eval.spec;

import ad.core.UserException;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a user writes, reading a spec either succeeds or fails with a {@link UserException} whose
 * message names the file: never another exception, never a stack trace.
 */
class SpecReaderPropertiesTest {
  private static final SpecReader READER = new SpecReader(SpecReaderTest.registry());

  @Property(tries = 300)
  void arbitraryTextFailsOnlyWithALocatedUserError(@ForAll("yamlish") String text) {
    readExpectingOnlyUserErrors(text);
  }

  @Property(tries = 300)
  void specsWithMutatedKeysAndValuesFailOnlyWithALocatedUserError(@ForAll("mutatedSpecs") String text) {
    readExpectingOnlyUserErrors(text);
  }

  private static void readExpectingOnlyUserErrors(String text) {
    try {
      READER.read(Path.of("p.yaml"), text);
    } catch (UserException e) {
      if (!e.getMessage().startsWith("p.yaml:")) {
        throw new AssertionError("message does not name the file: " + e.getMessage());
      }
    }
  }

  /** Fragments of YAML syntax and keys, glued at random: mostly malformed documents. */
  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> token = Arbitraries.of("name:", " t", "\n", "  ", "- ", "datasets:", "detectors:",
        "type:", " synthetic", " fake_autoencoder", "[", "]", "{", "}", ",", ":", "'", "\"", "#", "&a", "*a",
        "!!java.lang.Runtime", " 1", " -1", " 1e400", " .nan", " null", " ~", "grid:", "seeds:", "\t", "?");
    return token.list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  /** A valid spec with one value replaced by a value of another kind, or one key misspelt. */
  @Provide
  Arbitrary<String> mutatedSpecs() {
    String valid = """
        name: t
        seeds: [1]
        datasets:
          - type: synthetic
            dimensions: 4
            normal: {count: 10}
            anomalies: {count: 2, mean: 5}
        detectors:
          - type: fake_autoencoder
            hidden_layers: [3]
            learning_rate: 0.01
            epochs: 2
        thresholder: {type: mean_std, k: 2}
        """;
    List<String> targets = List.of("t", "[1]", "synthetic", "4", "{count: 10}", "2", "5", "fake_autoencoder",
        "[3]", "0.01", "mean_std", "name", "seeds", "dimensions", "normal", "count", "learning_rate", "k");
    Arbitrary<String> replacements = Arbitraries.of("", "-1", "0", "1.5", "abc", "[]", "{}", "[[1]]", "null",
        "1e999", "{type: x}", "- 1", "'quoted'", "true", "nme", "[a, b]", "\"\\u0000\"");
    return Combinators.combine(Arbitraries.of(targets), replacements)
        .as((target, replacement) -> valid.replaceFirst(java.util.regex.Pattern.quote(target),
            java.util.regex.Matcher.quoteReplacement(replacement)));
  }
}

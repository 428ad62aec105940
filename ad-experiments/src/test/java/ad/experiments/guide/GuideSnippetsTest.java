package ad.experiments.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ad.core.data.DataRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/java-api.md} the code the tests run: every snippet of the guide, marked
 * {@code <!-- snippet: NAME from FILE -->} before its code block, must equal the region between
 * {@code // tag::NAME[]} and {@code // end::NAME[]} in FILE (a test that runs it), and every region of
 * those files must be in the guide. After changing a snippet's test, rewrite the guide's code blocks
 * from the tests with {@code mvn -pl ad-experiments test -Dtest=GuideSnippetsTest -Dad.guide.update=true}.
 */
class GuideSnippetsTest {
  static final String GUIDE = "docs/java-api.md";
  /** The tests whose regions the guide shows; each must have a snippet in it. */
  static final List<String> SOURCES = List.of(
      "ad-experiments/src/test/java/ad/experiments/guide/JavaApiGuideTest.java",
      "ad-spark/src/test/java/ad/spark/guide/SparkGuideTest.java");
  private static final Pattern SNIPPET = Pattern.compile(
      "<!-- snippet: (\\S+) from (\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([\\w-]+)\\[\\]\\s*$");

  @Test
  void everySnippetOfTheGuideIsCodeATestRuns() throws IOException {
    Path root = DataRoot.repositoryRoot().orElseThrow();
    String guide = Files.readString(root.resolve(GUIDE), StandardCharsets.UTF_8);
    Map<String, Map<String, String>> regions = new LinkedHashMap<>();
    for (String source : SOURCES) {
      regions.put(source, regions(root.resolve(source)));
    }
    StringBuilder updated = new StringBuilder();
    List<String> problems = new ArrayList<>();
    Set<String> shown = new TreeSet<>();
    Matcher m = SNIPPET.matcher(guide);
    int last = 0;
    while (m.find()) {
      String name = m.group(1);
      String source = m.group(2);
      Map<String, String> ofSource = regions.get(source);
      String expected = ofSource == null ? null : ofSource.get(name);
      updated.append(guide, last, m.start(3)).append(expected != null ? expected : m.group(3));
      last = m.end(3);
      if (expected == null) {
        problems.add("snippet '" + name + "': " + (ofSource == null ? source + " is not one of " + SOURCES
            : "no region tag::" + name + "[] in " + source));
      } else if (!expected.equals(m.group(3))) {
        problems.add("snippet '" + name + "' differs from its region in " + source + "; it should read:\n"
            + expected);
      }
      shown.add(source + "#" + name);
    }
    updated.append(guide.substring(last));
    regions.forEach((source, ofSource) -> ofSource.keySet().forEach(name -> {
      if (!shown.contains(source + "#" + name)) {
        problems.add("region '" + name + "' of " + source + " is in no snippet of " + GUIDE);
      }
    }));
    if (!problems.isEmpty()) {
      if (Boolean.getBoolean("ad.guide.update")) {
        Files.writeString(root.resolve(GUIDE), updated, StandardCharsets.UTF_8);
      }
      fail(GUIDE + " does not show the code its tests run (rewrite its code blocks from the tests with "
          + "-Dad.guide.update=true):\n- " + String.join("\n- ", problems));
    }
  }

  @Test
  void regionsAreReadAsTheGuideShowsThem() {
    Map<String, String> found = regions(List.of(
        "class X {",
        "  void f() {",
        "    // tag::a[]",
        "    int x = 1;",
        "      int y = 2;",
        "",
        "    // end::a[]",
        "  }"));
    assertEquals(Map.of("a", "int x = 1;\n  int y = 2;\n\n"), found);
    assertTrue(SNIPPET.matcher("<!-- snippet: a from F.java -->\n```java\nint x = 1;\n```").find());
  }

  private static Map<String, String> regions(Path source) throws IOException {
    return regions(Files.readAllLines(source, StandardCharsets.UTF_8));
  }

  /** Each region's lines, without the indentation they share, each ending in a line break. */
  static Map<String, String> regions(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    String open = null;
    List<String> body = new ArrayList<>();
    for (String line : lines) {
      Matcher tag = TAG.matcher(line);
      if (!tag.matches()) {
        if (open != null) {
          body.add(line);
        }
        continue;
      }
      if (tag.group(1).equals("tag")) {
        open = tag.group(2);
        body.clear();
      } else if (tag.group(2).equals(open)) {
        int indent = body.stream().filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        body.forEach(l -> text.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        out.put(open, text.toString());
        open = null;
      }
    }
    return out;
  }
}

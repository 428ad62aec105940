package ad.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ad.core.data.DataRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's table of commands says what {@code ad --help} says: the same commands in the same order,
 * each with the first sentence of its description.
 */
class ReadmeCommandsTest {
  private static final Pattern ROW = Pattern.compile("^\\| `\\./ad ([a-z]+)` \\| (.*) \\|$");

  @Test
  void theReadmesCommandTableIsTheHelp() throws IOException {
    List<String> readme = Files.readAllLines(DataRoot.repositoryRoot().orElseThrow().resolve("README.md"),
        StandardCharsets.UTF_8);
    int header = readme.indexOf("| command | what it does |");
    assertFalse(header < 0, "README.md has no '| command | what it does |' table");
    Map<String, String> table = new LinkedHashMap<>();
    for (String line : readme.subList(header + 2, readme.size())) {
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        break;
      }
      table.put(row.group(1), row.group(2));
    }
    Map<String, String> help = new LinkedHashMap<>();
    new CommandLine(new Main()).getSubcommands().forEach((name, command) ->
        help.put(name, summary(command.getCommandSpec().usageMessage())));
    assertEquals(new ArrayList<>(help.keySet()), new ArrayList<>(table.keySet()), "the README's commands");
    help.forEach((name, sentence) -> assertEquals(sentence, table.get(name), "README.md, the row of ./ad " + name));
  }

  /**
   * What {@code ad --help} lists for a command: its header, or else its description; here the first
   * sentence, its lines joined.
   */
  static String summary(CommandLine.Model.UsageMessageSpec usage) {
    String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
    String text = String.join(" ", lines).replaceAll("\\s+", " ").strip();
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }
}

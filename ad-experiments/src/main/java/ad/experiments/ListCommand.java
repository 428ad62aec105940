package ad.experiments;

import ad.core.UserException;
import ad.core.registry.ComponentType;
import ad.core.registry.Registry;
import ad.eval.metrics.Measure;
import ad.eval.metrics.Measures;
import ad.eval.schema.OptionDoc;
import ad.eval.schema.OptionDocs;
import ad.eval.spec.ComponentKind;
import ad.eval.spec.ExperimentFile;
import ad.eval.spec.SpecMapper;
import ad.eval.spec.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Lists the registered component types, the names a YAML {@code type:} may take; with a type name,
 * every option of that type, generated from its options record.
 */
@Command(name = "list", usageHelpAutoWidth = true,
    description = {"List the detector, thresholder, dataset, protocol and scaler types, and the measures.",
        "With TYPE, list every option of that type: key, type, default, allowed values and meaning, "
            + "read from the options record the experiment file is bound to. 'ad list experiment' "
            + "lists the keys of the file's top level."})
final class ListCommand implements Callable<Integer> {
  /** The name {@code ad list} gives the experiment file's own keys. */
  static final String EXPERIMENT = "experiment";
  private static final int MIN_WIDTH = 80;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE",
      description = "a type name (e.g. dense_autoencoder, mean_std, csv), or 'experiment'")
  String type;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    Registry registry = Registry.load();
    PrintWriter out = command.commandLine().getOut();
    if (type == null) {
      listTypes(registry, out);
    } else {
      describe(registry, out);
    }
    out.flush();
    return 0;
  }

  private static void listTypes(Registry registry, PrintWriter out) {
    for (ComponentKind kind : ComponentKind.values()) {
      out.println(kind.label() + "s:");
      for (ComponentType<?, ?> c : registry.all(kind.type())) {
        out.printf("  %-24s %s%n", c.name(), c.summary());
      }
    }
    out.println("measures (metrics: [...]):");
    for (Measure m : Measures.all()) {
      out.printf("  %-24s %s%n", m.name(), m.summary());
    }
    out.println();
    out.println("'ad list TYPE' lists the options of a type; 'ad list " + EXPERIMENT
        + "' the keys of the file itself.");
  }

  private void describe(Registry registry, PrintWriter out) {
    OptionDocs docs = new OptionDocs(SpecMapper.create(), registry);
    int width = Math.max(MIN_WIDTH, command.usageMessage().width());
    if (type.equals(EXPERIMENT)) {
      out.println("the experiment file's keys (components take a type name, or a mapping with "
          + "'type:' and its options):");
      out.print(table(docs.of(ExperimentFile.class), width));
      return;
    }
    List<String> known = new ArrayList<>();
    boolean found = false;
    for (ComponentKind kind : ComponentKind.values()) {
      for (ComponentType<?, ?> c : registry.all(kind.type())) {
        known.add(c.name());
        if (!c.name().equals(type)) {
          continue;
        }
        if (found) {
          out.println();
        }
        found = true;
        out.println(kind.label() + " " + c.name() + ": " + c.summary());
        List<OptionDoc> options = docs.of(c.optionsType());
        if (options.isEmpty()) {
          out.println("  no options");
        } else {
          out.print(table(options, width));
        }
        List<String> also = new ArrayList<>(List.of("name (what results call it)"));
        if (kind != ComponentKind.PROTOCOL && kind != ComponentKind.SCALER) {
          also.add("grid (in a list: option values to expand into variants)");
        }
        if (kind == ComponentKind.THRESHOLDER) {
          also.add("fit_on (validation, train or test)");
        }
        out.println("  also: " + String.join(", ", also));
      }
    }
    if (!found) {
      known.add(EXPERIMENT);
      throw new UserException("unknown type '" + type + "'" + Suggestions.didYouMean(type, known)
          + "; 'ad list' shows every type");
    }
  }

  /** Key, type, default and allowed values in columns; the meaning on the next line, wrapped. */
  static String table(List<OptionDoc> options, int width) {
    int key = 2 + Math.min(28, Math.max(3, options.stream().mapToInt(o -> o.key().length()).max()
        .orElse(3)));
    int type = 2 + Math.min(20, Math.max(4, options.stream().mapToInt(o -> o.type().length()).max()
        .orElse(4)));
    int dflt = 2 + Math.min(22, Math.max(7, options.stream().mapToInt(o -> o.defaultValue().length())
        .max().orElse(7)));
    int allowed = Math.max(20, width - key - type - dflt - 2);
    TextTable table = TextTable.forColumns(Help.defaultColorScheme(Help.Ansi.OFF),
        new Column(key + 2, 2, Column.Overflow.SPAN),
        new Column(type, 0, Column.Overflow.SPAN),
        new Column(dflt, 0, Column.Overflow.SPAN),
        new Column(allowed, 0, Column.Overflow.WRAP));
    table.addRowValues("KEY", "TYPE", "DEFAULT", "ALLOWED");
    for (OptionDoc o : options) {
      table.addRowValues(o.key(), o.type(), o.defaultValue(), o.allowed());
      if (!o.meaning().isEmpty()) {
        table.addRowValues("", "", "", "");
        // The meaning spans the columns after the key, wrapped at the right edge.
        table.putValue(table.rowCount() - 1, 1, Help.Ansi.OFF.text(o.meaning()));
      }
    }
    return table.toString();
  }
}

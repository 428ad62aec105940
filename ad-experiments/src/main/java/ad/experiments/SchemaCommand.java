package ad.experiments;

import ad.core.registry.Registry;
import ad.eval.io.AtomicFiles;
import ad.eval.schema.ExperimentSchema;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the JSON Schema of the experiment file, for editors. */
@Command(name = "schema", description = {
    "Write the JSON Schema of the experiment file (every registered type and option), generated from "
        + "the options records. Editors that read it complete keys and flag mistakes as you type: "
        + "start a YAML file with",
    "  # yaml-language-server: $schema=../" + ExperimentSchema.REPOSITORY_PATH})
final class SchemaCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (atomically) instead of "
      + "standard output")
  Path out;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    String schema = new ExperimentSchema(Registry.load()).generateText();
    if (out == null) {
      PrintWriter stdout = command.commandLine().getOut();
      stdout.print(schema);
      stdout.flush();
    } else {
      AtomicFiles.write(out, schema.getBytes(StandardCharsets.UTF_8));
      command.commandLine().getErr().println("wrote " + out);
    }
    return 0;
  }
}

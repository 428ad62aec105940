package ad.experiments;

import ad.core.registry.Registry;
import ad.eval.spec.ExperimentSpec;
import ad.eval.spec.SpecReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks an experiment file without running it. */
@Command(name = "validate", description = "Check an experiment file: keys, types, option ranges.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the experiment YAML file")
  Path file;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    ExperimentSpec spec = new SpecReader(Registry.load()).read(file);
    command.commandLine().getOut().printf("ok: %s: experiment '%s', %s%n", file, spec.name(),
        Describe.cells(spec));
    return 0;
  }
}

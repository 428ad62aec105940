package ad.experiments;

import ad.core.UserException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ad} command. */
// scope INHERIT: every subcommand, present and future, gets -h/--help and -V/--version too.
@Command(name = "ad", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Main.Version.class,
    description = "Anomaly detection with autoencoders: run experiments declared in YAML.",
    subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, ScoreCommand.class,
        BenchCommand.class, SchemaCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit status; the seam the tests use. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UserException) {
        err.println("error: " + e.getMessage());
        return 2;
      }
      err.println("internal error (a bug in ad; please report it with this trace):");
      e.printStackTrace(err);
      return 1;
    });
    return cli.execute(args);
  }

  /** The version from the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ad " + (v == null ? "dev" : v)};
    }
  }
}

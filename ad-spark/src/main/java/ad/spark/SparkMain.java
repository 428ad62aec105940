package ad.spark;

import ad.core.UserException;
import java.io.PrintWriter;
import org.apache.spark.SparkThrowable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of ad's Spark commands: the {@code ad} launcher runs it for a command given
 * {@code --spark MASTER} (and for {@code ad bench spark-*}), and it is the main class to give
 * {@code spark-submit} with ad-spark's jar. Same exit statuses as {@code ad}: 0 success, 2 a mistake
 * in the input, 1 an internal error.
 */
@Command(name = "ad", mixinStandardHelpOptions = true,
    description = "ad on Apache Spark: experiment grids as Spark tasks, and scoring tables of any size with a "
        + "saved model.",
    subcommands = {SparkRunCommand.class, SparkScoreCommand.class, SparkBenchCommand.class,
        CommandLine.HelpCommand.class})
public final class SparkMain {

  public static void main(String[] args) {
    int status = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    System.exit(status);
  }

  /** Runs the command line and returns its exit status; the seam the tests use. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new SparkMain());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      UserException user = userError(e);
      if (user != null) {
        err.println("error: " + user.getMessage());
        return 2;
      }
      err.println("internal error (a bug in ad; please report it with this trace):");
      e.printStackTrace(err);
      return 1;
    });
    return cli.execute(args);
  }

  /**
   * The user mistake behind {@code e}, if any: a task's {@link UserException} (a bad cell, say)
   * reaches the driver as the cause of Spark's job failure; Spark's own errors about the input (a
   * missing path, a CSV line with another number of fields than its header, a folder with no
   * readable Parquet) are the user's too, and are told in ad's words with Spark's message.
   */
  static UserException userError(Throwable e) {
    String file = null;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof UserException user) {
        return user;
      }
      String condition = t instanceof SparkThrowable spark && spark.getCondition() != null ? spark.getCondition() : "";
      if (condition.startsWith("FAILED_READ_FILE") && t.getMessage() != null) {
        file = t.getMessage();
      } else if (condition.startsWith("MALFORMED_RECORD")) {
        return new UserException((file != null ? firstSentence(file) + ": " : "")
            + "a CSV line does not have the header's number of fields, or cannot be parsed (" + firstSentence(
            t.getMessage()) + ")");
      } else if (condition.startsWith("PATH_NOT_FOUND") || condition.startsWith("UNABLE_TO_INFER_SCHEMA")) {
        return new UserException(firstSentence(t.getMessage()));
      }
    }
    return null;
  }

  /** Spark's message up to its first full stop, without its advice (settings ad does not expose). */
  private static String firstSentence(String message) {
    int end = message.indexOf(". ");
    return end < 0 ? message.strip() : message.substring(0, end).strip();
  }
}

package ad.experiments;

import ad.core.UserException;
import ad.core.data.SameFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code ad score} refuses before it reads or writes anything: an output that is the input or the
 * model file, however spelt ({@link SameFile}), or a folder.
 */
final class ScoreFiles {
  private ScoreFiles() {}

  /**
   * @param output the output file, or null for standard output
   * @throws UserException naming both options and how they are the same file
   */
  static void requireDistinct(Path model, Path input, Path output) {
    if (output == null) {
      return;
    }
    if (Files.isDirectory(output)) {
      throw new UserException("--out " + output + " is a folder; give the output file's name, e.g. --out "
          + output.resolve("scored.csv"));
    }
    refuseSame(output, "--input", input);
    refuseSame(output, "--model", model);
  }

  private static void refuseSame(Path output, String option, Path read) {
    if (ScoreInput.isStdin(read)) {
      return;
    }
    Optional<String> how = SameFile.how(output, read);
    if (how.isPresent()) {
      throw new UserException("--out " + output + " is the same file as " + option + " " + read + " (" + how.get()
          + "): ad never writes over its own input; choose another --out");
    }
  }
}

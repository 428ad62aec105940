package ad.core.data;

import ad.core.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files and folders a command writes under one output folder, so that it refuses to read one of
 * them as its input: nothing ad writes may replace a file it reads (a data file saved as
 * {@code out/x/results.csv} would otherwise be replaced by the results). {@link SameFile} decides,
 * so symbolic links, hard links and case do not hide a collision.
 *
 * @param folder the output folder
 * @param files the names of the files written directly in it, e.g. {@code results.csv}
 * @param folders the names of the sub-folders whose content it writes or deletes, e.g. {@code cells}
 * @param option how the user chose the folder, for the message, e.g. {@code --out}
 */
public record WrittenFiles(Path folder, List<String> files, List<String> folders, String option) {
  /** Writes nothing: every file may be read. */
  public static final WrittenFiles NONE = new WrittenFiles(null, List.of(), List.of(), "");

  public WrittenFiles {
    files = List.copyOf(files);
    folders = List.copyOf(folders);
  }

  /** The output that would replace {@code file}, and how they are the same, or empty when none would. */
  public Optional<String> replacing(Path file) {
    if (folder == null) {
      return Optional.empty();
    }
    for (String name : files) {
      Path target = folder.resolve(name);
      Optional<String> how = SameFile.how(target, file);
      if (how.isPresent()) {
        return Optional.of(target + " (" + how.get() + ")");
      }
    }
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      return Optional.empty();
    }
    for (String name : folders) {
      Path written = folder.resolve(name);
      if (!Files.isDirectory(written)) {
        continue;
      }
      for (Path parent = real.getParent(); parent != null; parent = parent.getParent()) {
        if (SameFile.how(written, parent).isPresent()) {
          return Optional.of("the folder " + written);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Fails when {@code file}, read as {@code what} (e.g. "data file 'x.csv' (path)"), is a file this
   * command writes.
   */
  public void refuseToRead(Path file, String what) {
    replacing(file).ifPresent(target -> {
      throw new UserException(what + " would be overwritten by this run, which writes " + target
          + ": ad never writes over its own input; move the file or choose another output folder"
          + (option.isEmpty() ? "" : " with " + option));
    });
  }
}

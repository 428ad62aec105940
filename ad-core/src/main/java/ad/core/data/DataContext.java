package ad.core.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where relative paths in a spec resolve, the log of the files sources read through it, and the files
 * the command writes (which no source may read).
 *
 * @param dataRoot the shared data folder ({@code ../shared/data} from the repository root by default)
 * @param specDirectory the folder of the experiment file
 * @param files every data file resolved through {@link DataFiles#existing}, with its checksum
 * @param written what the command writes: {@link DataFiles#existing} refuses a data file among them
 */
public record DataContext(Path dataRoot, Path specDirectory, DataFileLog files, WrittenFiles written) {

  public DataContext {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(written, "written");
  }

  /** A context with a fresh, empty file log, for a command that writes nothing a source could read. */
  public DataContext(Path dataRoot, Path specDirectory) {
    this(dataRoot, specDirectory, new DataFileLog(), WrittenFiles.NONE);
  }

  /** A context with a fresh, empty file log, for a command that writes {@code written}. */
  public DataContext(Path dataRoot, Path specDirectory, WrittenFiles written) {
    this(dataRoot, specDirectory, new DataFileLog(), written);
  }
}

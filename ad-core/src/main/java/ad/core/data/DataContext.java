package ad.core.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where relative paths in a spec resolve, and the log of the files sources read through it.
 *
 * @param dataRoot the shared data folder ({@code ../shared/data} from the repository root by default)
 * @param specDirectory the folder of the experiment file
 * @param files every data file resolved through {@link DataFiles#existing}, with its checksum
 */
public record DataContext(Path dataRoot, Path specDirectory, DataFileLog files) {

  public DataContext {
    Objects.requireNonNull(files, "files");
  }

  /** A context with a fresh, empty file log. */
  public DataContext(Path dataRoot, Path specDirectory) {
    this(dataRoot, specDirectory, new DataFileLog());
  }
}

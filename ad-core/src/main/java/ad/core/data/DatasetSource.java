package ad.core.data;

import ad.core.Dataset;

/** Loads or generates one dataset. */
@FunctionalInterface
public interface DatasetSource {

  /**
   * @throws ad.core.UserException if a file is missing or malformed (naming the file, line and column)
   */
  Dataset load(DataContext context);

  /**
   * Loads the dataset outside an experiment (from Java): a relative path is read from the data root
   * ({@link DataRoot#resolve()}), an absolute one as it is.
   *
   * @throws ad.core.UserException if a file is missing or malformed (naming the file, line and column)
   */
  default Dataset load() {
    return load(new DataContext(null, null));
  }
}

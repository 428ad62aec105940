package ad.core.data;

import ad.core.Dataset;

/** Loads or generates one dataset. */
@FunctionalInterface
public interface DatasetSource {

  /**
   * @throws ad.core.UserException if a file is missing or malformed (naming the file, line and column)
   */
  Dataset load(DataContext context);
}

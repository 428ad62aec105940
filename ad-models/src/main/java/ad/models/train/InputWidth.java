package ad.models.train;

import ad.core.Dataset;
import ad.core.UserException;

/** The check every fitted network makes before scoring: the data has the width it was trained on. */
public final class InputWidth {
  private InputWidth() {}

  /** Fails with a {@link UserException} naming both widths unless {@code data} has {@code columns}. */
  public static void require(Dataset data, int columns) {
    if (data.columns() != columns) {
      throw new UserException("model was trained on " + columns + " features but '" + data.name()
          + "' has " + data.columns());
    }
  }
}

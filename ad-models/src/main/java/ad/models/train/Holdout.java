package ad.models.train;

import ad.core.Dataset;
import ad.core.Shuffle;
import ad.core.UserException;
import java.util.Arrays;
import java.util.Random;

/**
 * The training rows split into the rows a model learns from and the rows that measure its
 * validation loss.
 *
 * @param train the rows to fit on
 * @param validation the held-out rows, or null when {@code validation_split} is 0
 */
public record Holdout(Dataset train, Dataset validation) {

  /** Fewest rows to fit on: the same floor as the novelty protocol's training part. */
  public static final int MIN_TRAIN_ROWS = 2;

  /**
   * Holds out {@code fraction} of the rows (at least one when {@code fraction > 0}), chosen by a
   * shuffle seeded with {@code seed}; each part keeps the source order of its rows.
   *
   * @throws UserException if too few rows would be left to train on
   */
  public static Holdout split(Dataset data, double fraction, long seed) {
    int rows = data.rows();
    int validationRows = fraction > 0 ? Math.max(1, (int) Math.round(rows * fraction)) : 0;
    if (rows - validationRows < MIN_TRAIN_ROWS) {
      throw new UserException("training data '" + data.name() + "' has " + rows + " rows: "
          + "the model needs at least " + MIN_TRAIN_ROWS + " to train on"
          + (validationRows > 0 ? " after holding out " + validationRows + " for validation "
              + "(validation_split " + fraction + ")" : ""));
    }
    if (validationRows == 0) {
      return new Holdout(data, null);
    }
    int[] order = new int[rows];
    Arrays.setAll(order, i -> i);
    Shuffle.inPlace(order, new Random(seed));
    int[] validation = Arrays.copyOfRange(order, 0, validationRows);
    int[] train = Arrays.copyOfRange(order, validationRows, rows);
    // Source order inside each part: without per-epoch shuffling the model sees rows as given.
    Arrays.sort(validation);
    Arrays.sort(train);
    return new Holdout(data.select(train), data.select(validation));
  }
}

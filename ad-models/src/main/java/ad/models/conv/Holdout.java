package ad.models.conv;

import ad.core.Dataset;
import ad.core.Shuffle;
import ad.core.UserException;
import java.util.Arrays;
import java.util.Random;

/**
 * The training rows split into the rows to fit on and the held-out rows that measure the validation
 * loss ({@code validation} is null when {@code validation_split} is 0). The same rule as the dense
 * autoencoder's: a seeded shuffle picks the held-out rows; each part keeps the source order.
 */
record Holdout(Dataset train, Dataset validation) {

  static Holdout split(Dataset data, double fraction, long seed) {
    int rows = data.rows();
    int validationRows = fraction > 0 ? Math.max(1, (int) Math.round(rows * fraction)) : 0;
    if (rows - validationRows < 2) {
      throw new UserException("training data '" + data.name() + "' has " + rows + " rows: "
          + InputLayout.NAME + " needs at least 2 to train on"
          + (validationRows > 0 ? " after holding out " + validationRows + " for validation" : ""));
    }
    if (validationRows == 0) {
      return new Holdout(data, null);
    }
    int[] order = new int[rows];
    Arrays.setAll(order, i -> i);
    Shuffle.inPlace(order, new Random(seed));
    int[] validation = Arrays.copyOfRange(order, 0, validationRows);
    int[] train = Arrays.copyOfRange(order, validationRows, rows);
    Arrays.sort(validation);
    Arrays.sort(train);
    return new Holdout(data.select(train), data.select(validation));
  }
}

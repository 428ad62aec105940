package ad.core.encode;

import ad.core.Dataset;
import java.util.Map;

/**
 * An all-numeric dataset and how many categorical cells held a value unseen in training.
 *
 * @param dataset the encoded rows (numeric columns first, then the one-hot columns)
 * @param unseen per categorical column, the number of rows whose value the training part never
 *     showed (every column is present, with 0 when none)
 * @param unseenPerRow per row, the number of its categorical cells whose value training never showed
 *     (what a scored row reports beside its score); the accessor returns a copy
 */
public record Encoded(Dataset dataset, Map<String, Integer> unseen, int[] unseenPerRow) {
  public Encoded {
    unseen = Map.copyOf(unseen);
    if (unseenPerRow.length != dataset.rows()) {
      throw new IllegalArgumentException(unseenPerRow.length + " unseen counts for " + dataset.rows() + " rows");
    }
  }

  /** Unseen cells over all columns. */
  public int unseenCount() {
    return unseen.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The number of unseen categorical values in row {@code row} (no copy, for loops over rows). */
  public int unseenInRow(int row) {
    return unseenPerRow[row];
  }

  @Override
  public int[] unseenPerRow() {
    return unseenPerRow.clone();
  }
}

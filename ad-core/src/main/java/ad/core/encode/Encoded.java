package ad.core.encode;

import ad.core.Dataset;
import java.util.Map;

/**
 * An all-numeric dataset and how many categorical cells held a value unseen in training.
 *
 * @param dataset the encoded rows (numeric columns first, then the one-hot columns)
 * @param unseen per categorical column, the number of rows whose value the training part never
 *     showed (every column is present, with 0 when none)
 */
public record Encoded(Dataset dataset, Map<String, Integer> unseen) {
  public Encoded {
    unseen = Map.copyOf(unseen);
  }

  /** Unseen cells over all columns. */
  public int unseenCount() {
    return unseen.values().stream().mapToInt(Integer::intValue).sum();
  }
}

package ad.core.encode;

import ad.core.CategoricalColumn;
import ad.core.Dataset;
import ad.core.registry.Options;
import java.util.ArrayList;
import java.util.List;

/**
 * One-hot encoding of a dataset's {@linkplain Dataset#categoricalColumns() categorical columns}.
 *
 * <p>{@link #fit} learns each column's vocabulary from the training rows only (the values that occur
 * in them, in order of first appearance in the file). A value outside the vocabulary, met in
 * validation or test data, is encoded as all zeros, or as a 1 in an extra {@code name=<unknown>}
 * column when {@code unknown_column} is true, and is counted in {@link Encoded#unseen()}. A dataset
 * without categorical columns passes through unchanged, so callers can always encode.
 *
 * @param unknownColumn add a {@code <unknown>} indicator column per categorical column (default false)
 */
public record OneHotEncoder(Boolean unknownColumn) {
  public static final String UNKNOWN = "<unknown>";

  public OneHotEncoder {
    unknownColumn = Options.orDefault(unknownColumn, false);
  }

  /** All-zero encoding of unseen values. */
  public OneHotEncoder() {
    this(false);
  }

  /** Learns the vocabularies from {@code train}. */
  public FittedEncoder fit(Dataset train) {
    List<FittedEncoder.Vocabulary> vocabularies = new ArrayList<>();
    for (CategoricalColumn column : train.categoricalColumns()) {
      boolean[] present = new boolean[column.levels().size()];
      for (int r = 0; r < column.rows(); r++) {
        present[column.code(r)] = true;
      }
      List<String> seen = new ArrayList<>();
      for (int code = 0; code < present.length; code++) {
        if (present[code]) {
          seen.add(column.levels().get(code));
        }
      }
      vocabularies.add(new FittedEncoder.Vocabulary(column.name(), List.copyOf(seen)));
    }
    return new FittedEncoder(vocabularies, unknownColumn);
  }
}

package ad.core.encode;

import ad.core.CategoricalColumn;
import ad.core.Dataset;
import ad.core.persist.StateReader;
import ad.core.registry.Options;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One-hot encoding of a dataset's {@linkplain Dataset#categoricalColumns() categorical columns}.
 *
 * <p>{@link #fit} learns each column's vocabulary from the training rows only (the values that occur
 * in them, in order of first appearance in the file). A value outside the vocabulary, met in
 * validation or test data, is encoded as all zeros, or as a 1 in an extra {@code name=<unknown>}
 * column when {@code unknown_column} is true, and is counted in {@link Encoded#unseen()}. A dataset
 * without categorical columns passes through unchanged, so callers can always encode.
 *
 * <p>Like a scaler, a fitted encoder saves its vocabularies as persist state
 * ({@link FittedEncoder#save}) and {@link #load} reads them back, so a saved pipeline encodes new
 * rows exactly as its training run did.
 *
 * @param unknownColumn add a {@code <unknown>} indicator column per categorical column (default false)
 */
public record OneHotEncoder(Boolean unknownColumn) {
  public static final String UNKNOWN = "<unknown>";
  /** How a pipeline file names this encoder (it is no registry component: every csv source uses it). */
  public static final String TYPE = "one_hot";

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

  /**
   * Restores what {@link FittedEncoder#save} wrote, checking that it describes a usable encoding.
   *
   * @throws ad.core.UserException via {@link StateReader#corrupt} when the saved values do not fit
   *     together (counts, duplicate columns or values)
   */
  public FittedEncoder load(StateReader in) {
    int[] sizes = in.ints("sizes");
    List<String> columns = lines(in, "columns", in.text("columns"), sizes.length);
    long total = 0;
    for (int size : sizes) {
      if (size < 0) {
        throw in.corrupt("encoder has a negative number of values (" + size + ")");
      }
      total += size;
    }
    List<String> values = lines(in, "values", in.text("values"), total);
    List<FittedEncoder.Vocabulary> vocabularies = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int at = 0;
    for (int c = 0; c < sizes.length; c++) {
      List<String> own = values.subList(at, at + sizes[c]);
      at += sizes[c];
      // Duplicates would give two output columns one meaning: no fitted encoder writes them.
      if (!names.add(columns.get(c)) || new HashSet<>(own).size() != own.size()) {
        throw in.corrupt("encoder lists categorical column '" + columns.get(c) + "' or one of its values twice");
      }
      vocabularies.add(new FittedEncoder.Vocabulary(columns.get(c), own));
    }
    return new FittedEncoder(vocabularies, unknownColumn);
  }

  /** {@code text} split at line breaks into exactly {@code expected} items ("" is zero items or one). */
  private static List<String> lines(StateReader in, String key, String text, long expected) {
    if (expected == 0) {
      if (!text.isEmpty()) {
        throw in.corrupt("encoder " + key + " should be empty");
      }
      return List.of();
    }
    List<String> items = List.of(text.split("\n", -1));
    if (items.size() != expected) {
      throw in.corrupt("encoder has " + items.size() + " " + key + " where its sizes say " + expected);
    }
    return items;
  }
}

package ad.eval.pipeline;

import ad.core.encode.FittedEncoder;
import ad.core.encode.FittedEncoder.Vocabulary;
import java.util.List;

/**
 * How the columns of a raw CSV row become the model's features: the numeric columns are read as
 * numbers, the categorical ones one-hot encoded with the categories learned on the training part.
 * {@code dropped} and {@code label} record what the training source set aside, so that a saved
 * pipeline says which columns of a file it reads and which it ignores on purpose; scoring reads
 * neither.
 *
 * @param numeric the numeric feature columns, in the order the model sees them
 * @param encoder the fitted one-hot encoder ({@link FittedEncoder#none()} without categorical columns)
 * @param dropped the columns the training source dropped (empty when it dropped none or is not a CSV)
 * @param label the training source's label column, or null when it had none (images, synthetic data)
 */
public record InputColumns(List<String> numeric, FittedEncoder encoder, List<String> dropped, String label) {

  public InputColumns {
    numeric = List.copyOf(numeric);
    dropped = List.copyOf(dropped);
    if (numeric.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one numeric input column");
    }
  }

  /** Numeric columns only, nothing known of dropped or label columns: what older files describe. */
  public static InputColumns numericOnly(List<String> features) {
    return new InputColumns(features, FittedEncoder.none(), List.of(), null);
  }

  /**
   * The inputs behind {@code features}, the model's feature names after {@code encoder}: the numeric
   * columns are the leading names the encoder did not add.
   */
  public static InputColumns of(List<String> features, FittedEncoder encoder, List<String> dropped,
      String label) {
    int numeric = features.size() - encoder.outputColumns(0);
    if (numeric < 1) {
      throw new IllegalArgumentException(features.size() + " features cannot hold the encoder's "
          + encoder.outputColumns(0) + " columns and a numeric one");
    }
    return new InputColumns(features.subList(0, numeric), encoder, dropped, label);
  }

  /** The categorical columns, in the order they are encoded. */
  public List<String> categorical() {
    return encoder.vocabularies().stream().map(Vocabulary::column).toList();
  }

  public boolean hasCategorical() {
    return !encoder.vocabularies().isEmpty();
  }

  /** The model's feature names: the numeric columns, then one per learned category. */
  public List<String> featureNames() {
    return encoder.outputNames(numeric);
  }
}

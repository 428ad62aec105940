package ad.spark.score;

import ad.core.UserException;
import ad.eval.pipeline.StreamingScorer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns scoring adds, named as {@code ad score}'s CSV output names them: {@code score}
 * (double, higher = more anomalous), {@code anomalous} (boolean, by the chosen threshold),
 * {@code unseen_categories} (int, for a pipeline with categorical columns: the row's categorical
 * values training never showed) and, when the model explains its scores, {@code top1_feature},
 * {@code top1_error}, ... for the {@code topK} features with the largest errors.
 *
 * @param categorical whether the pipeline has categorical columns
 * @param topK top features per row actually added (0 when the model cannot explain its scores)
 */
public record ScoreColumns(boolean categorical, int topK) implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String SCORE = "score";
  public static final String ANOMALOUS = "anomalous";
  public static final String UNSEEN = StreamingScorer.UNSEEN_COLUMN;

  /** The added columns, in order. */
  public List<StructField> fields() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(SCORE, DataTypes.DoubleType, false));
    fields.add(DataTypes.createStructField(ANOMALOUS, DataTypes.BooleanType, false));
    if (categorical) {
      fields.add(DataTypes.createStructField(UNSEEN, DataTypes.IntegerType, false));
    }
    for (int k = 1; k <= topK; k++) {
      fields.add(DataTypes.createStructField("top" + k + "_feature", DataTypes.StringType, false));
      fields.add(DataTypes.createStructField("top" + k + "_error", DataTypes.FloatType, false));
    }
    return fields;
  }

  /** Their names, in order. */
  public List<String> names() {
    return fields().stream().map(StructField::name).toList();
  }

  /**
   * {@code input}'s columns followed by the added ones.
   *
   * @throws UserException if {@code input} already has a column of one of the added names
   */
  public StructType appendTo(StructType input, String inputName) {
    List<String> existing = Arrays.asList(input.fieldNames());
    List<StructField> all = new ArrayList<>(Arrays.asList(input.fields()));
    for (StructField added : fields()) {
      if (existing.contains(added.name())) {
        throw new UserException(inputName + " already has a column '" + added.name()
            + "', which scoring adds: rename or drop it first");
      }
      all.add(added);
    }
    return DataTypes.createStructType(all);
  }

  /** How many values the added columns hold per row. */
  public int width() {
    return 2 + (categorical ? 1 : 0) + 2 * topK;
  }
}

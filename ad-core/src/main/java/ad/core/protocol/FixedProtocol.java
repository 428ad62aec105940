package ad.core.protocol;

import ad.core.Dataset;
import ad.core.UserException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.Random;

/**
 * Given training and test parts ({@code type: fixed}): the source marks each row
 * {@link Dataset.Part#TRAIN} or {@link Dataset.Part#TEST} (a csv source with {@code test_path}, an
 * idx_images source with {@code test_images}/{@code test_labels}, a series source with
 * {@code train_prefix}), and this protocol keeps those parts.
 *
 * <p>The model trains on the TRAIN rows, only their normal ones when {@code train_on: normal} (the
 * default; novelty detection) or all of them with {@code train_on: all}. Every TEST row is tested.
 * {@code validation_fraction} (default 0.2) of the training rows, drawn with the seed, are held out
 * for the threshold; with 0 the threshold is fitted on the training rows (the validation part is the
 * same instance as the training part). The seed affects only that hold-out.
 */
public record FixedProtocol(
    @JsonPropertyDescription("which rows of the train part train the model: its normal rows (novelty "
        + "detection) or all of them") TrainOn trainOn,
    @JsonPropertyDescription("fraction of the training rows held out (seeded) to fit the threshold; 0 "
        + "fits it on the training rows") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
    Double validationFraction) implements Protocol {

  /** Which rows of the given train part train the model. */
  public enum TrainOn {
    /** Its normal rows only: novelty detection. */
    @JsonProperty("normal") NORMAL,
    /** All of them, anomalies included: unsupervised detection. */
    @JsonProperty("all") ALL
  }

  public FixedProtocol {
    trainOn = Options.orDefault(trainOn, TrainOn.NORMAL);
    validationFraction = Options.inRange("validation_fraction",
        Options.orDefault(validationFraction, 0.2), 0.0, 1.0);
  }

  @Override
  public boolean trainsOnContaminatedData() {
    return trainOn == TrainOn.ALL;
  }

  @Override
  public Split split(Dataset data, long seed) {
    Rows.requireLabels(data, "fixed");
    if (!data.hasParts()) {
      throw new UserException("the fixed protocol needs given train and test parts, and '" + data.name()
          + "' has none: use a csv source with test_path, an idx_images source with test_images and "
          + "test_labels, or a series source with train_prefix");
    }
    boolean normalOnly = trainOn == TrainOn.NORMAL;
    int[] pool = Rows.where(data, r -> data.part(r) == Dataset.Part.TRAIN
        && !(normalOnly && data.isAnomaly(r)));
    int[] test = Rows.where(data, r -> data.part(r) == Dataset.Part.TEST);
    int[] train = pool;
    int[] validation = null;
    if (validationFraction > 0) {
      int[][] trainValidation = Rows.holdOut(data, pool, validationFraction, !normalOnly,
          new Random(seed));
      train = trainValidation[0];
      validation = trainValidation[1];
    }
    if (train.length < 2) {
      throw new UserException("dataset '" + data.name() + "': " + train.length + " training rows in its "
          + "train part" + (normalOnly ? " (normal rows only, train_on: normal)" : ""));
    }
    if (test.length == 0) {
      throw new UserException("dataset '" + data.name() + "' has no rows in its test part");
    }
    return Rows.split(data, train, validation, test);
  }
}

package ad.core.protocol;

import ad.core.Dataset;
import ad.core.UserException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.Random;

/**
 * Unsupervised anomaly detection, ADBench style ({@code type: unsupervised}): the model trains on
 * contaminated data, labels are used only to evaluate.
 *
 * <p>A stratified, seeded split puts {@code test_fraction} (default 0.3) of the normal rows and the
 * same fraction of the anomalous rows in the test set; the rest, anomalies included, trains the
 * model. The threshold is fitted on the training part itself by default ({@code
 * validation_fraction: 0}; the validation part is then the same instance as the training part), as a
 * deployed unsupervised model would have to; a positive {@code validation_fraction} instead holds out
 * that (stratified, so equally contaminated) fraction of the training part.
 */
public record UnsupervisedProtocol(
    @JsonPropertyDescription("fraction of the normal and of the anomalous rows tested (stratified)")
    @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
    Double testFraction,
    @JsonPropertyDescription("fraction of the (contaminated) training rows held out to fit the "
        + "threshold; 0 fits it on the training rows, as a deployed unsupervised model would")
    @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double validationFraction)
    implements Protocol {

  public UnsupervisedProtocol {
    testFraction = Options.inRange("test_fraction", Options.orDefault(testFraction, 0.3), 0.0, 1.0);
    validationFraction = Options.inRange("validation_fraction",
        Options.orDefault(validationFraction, 0.0), 0.0, 1.0);
    if (testFraction == 0.0) {
      throw new ad.core.registry.OptionException("test_fraction", "must be > 0: the test set needs rows");
    }
  }

  @Override
  public boolean trainsOnContaminatedData() {
    return true;
  }

  @Override
  public Split split(Dataset data, long seed) {
    Rows.requireLabels(data, "unsupervised");
    Random random = new Random(seed);
    int[][] trainTest = Rows.holdOut(data, Rows.where(data, r -> true), testFraction, true, random);
    int[] train = trainTest[0];
    int[] validation = null;
    if (validationFraction > 0) {
      int[][] trainValidation = Rows.holdOut(data, train, validationFraction, true, random);
      train = trainValidation[0];
      validation = trainValidation[1];
    }
    if (train.length < 2 || trainTest[1].length == 0) {
      throw new UserException("dataset '" + data.name() + "' has " + data.rows() + " rows: too few for a "
          + "training and a test part");
    }
    return Rows.split(data, train, validation, trainTest[1]);
  }
}

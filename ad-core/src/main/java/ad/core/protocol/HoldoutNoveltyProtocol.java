package ad.core.protocol;

import ad.core.Dataset;
import ad.core.UserException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.Arrays;
import java.util.Random;

/**
 * Novelty detection with a test set drawn from all rows ({@code type: novelty_holdout}): a seeded
 * split holds out {@code test_fraction} (default 0.5) of ALL rows, normal and anomalous, as the test
 * set; the model trains on the normal rows of the rest only (the anomalies of the rest are unused).
 *
 * <p>This is the DAGMM protocol on KDD Cup 99 10%: with the file's labels ("normal" traffic = 1 =
 * anomaly, the 20% minority), {@code test_fraction: 0.5} is the 50/50 split and the model trains on
 * the attack rows of the first half. {@code stratified} (default true) keeps the contamination of
 * the test set equal to the file's; false draws the test rows plainly at random, as DAGMM did.
 * {@code validation_fraction} (default 0) holds out that fraction of the training rows for the
 * threshold; with 0 the threshold is fitted on the training rows (the validation part is the same
 * instance as the training part).
 */
public record HoldoutNoveltyProtocol(
    @JsonPropertyDescription("fraction of ALL rows, normal and anomalous, tested (seeded)")
    @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
    Double testFraction,
    @JsonPropertyDescription("fraction of the training rows held out to fit the threshold; 0 fits it "
        + "on the training rows") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
    Double validationFraction,
    @JsonPropertyDescription("keep the test set's contamination equal to the data's; false draws "
        + "the test rows plainly at random, as DAGMM did") Boolean stratified)
    implements Protocol {

  public HoldoutNoveltyProtocol {
    testFraction = Options.inRange("test_fraction", Options.orDefault(testFraction, 0.5), 0.0, 1.0);
    validationFraction = Options.inRange("validation_fraction",
        Options.orDefault(validationFraction, 0.0), 0.0, 1.0);
    stratified = Options.orDefault(stratified, true);
    if (testFraction == 0.0) {
      throw new ad.core.registry.OptionException("test_fraction", "must be > 0: the test set needs rows");
    }
  }

  @Override
  public Split split(Dataset data, long seed) {
    Rows.requireLabels(data, "novelty_holdout");
    Random random = new Random(seed);
    int[][] restTest = Rows.holdOut(data, Rows.where(data, r -> true), testFraction, stratified, random);
    int[] normalRest = Arrays.stream(restTest[0]).filter(r -> !data.isAnomaly(r)).toArray();
    int[] train = normalRest;
    int[] validation = null;
    if (validationFraction > 0) {
      int[][] trainValidation = Rows.holdOut(data, normalRest, validationFraction, false, random);
      train = trainValidation[0];
      validation = trainValidation[1];
    }
    if (train.length < 2) {
      throw new UserException("dataset '" + data.name() + "': " + train.length + " normal rows left to "
          + "train on after holding out the test rows");
    }
    return Rows.split(data, train, validation, restTest[1]);
  }
}

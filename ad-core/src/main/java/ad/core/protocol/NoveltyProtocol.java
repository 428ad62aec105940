package ad.core.protocol;

import ad.core.Dataset;
import ad.core.Shuffle;
import ad.core.UserException;
import ad.core.registry.Options;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.Arrays;
import java.util.Random;

/**
 * Novelty detection (semi-supervised, one-class): the model trains on normal rows only.
 *
 * <p>Normal rows are shuffled with the seed; {@code validation_fraction} of them are held out for the
 * threshold, {@code test_fraction} go to the test set, and the rest train the model. Every anomalous
 * row goes to the test set, so test contamination is whatever is left of the anomalies.
 */
public record NoveltyProtocol(
    @JsonPropertyDescription("fraction of the normal rows held out (seeded) to fit the threshold")
    @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double validationFraction,
    @JsonPropertyDescription("fraction of the normal rows tested, beside every anomalous row; with "
        + "validation_fraction it must leave rows to train on")
    @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double testFraction)
    implements Protocol {

  public NoveltyProtocol {
    validationFraction = Options.inRange("validation_fraction",
        Options.orDefault(validationFraction, 0.2), 0.0, 1.0);
    testFraction = Options.inRange("test_fraction", Options.orDefault(testFraction, 0.2), 0.0, 1.0);
    if (validationFraction + testFraction >= 1.0) {
      throw new ad.core.registry.OptionException("test_fraction", "plus validation_fraction must leave "
          + "normal rows to train on, got " + testFraction + " + " + validationFraction);
    }
  }

  @Override
  public Split split(Dataset data, long seed) {
    if (!data.hasLabels()) {
      throw new UserException("the novelty protocol needs labels, and '" + data.name() + "' has none");
    }
    int[] normal = indices(data, false);
    int[] anomalous = indices(data, true);
    if (normal.length == 0) {
      throw new UserException("dataset '" + data.name() + "' has no normal rows to train on");
    }
    Shuffle.inPlace(normal, new Random(seed));
    int validationCount = (int) Math.round(normal.length * validationFraction);
    int testCount = (int) Math.round(normal.length * testFraction);
    int trainCount = normal.length - validationCount - testCount;
    if (trainCount < 2) {
      throw new UserException("dataset '" + data.name() + "' has " + normal.length
          + " normal rows: too few to train on after holding out validation and test rows");
    }
    int[] train = Arrays.copyOfRange(normal, 0, trainCount);
    int[] validation = Arrays.copyOfRange(normal, trainCount, trainCount + validationCount);
    int[] test = new int[testCount + anomalous.length];
    System.arraycopy(normal, trainCount + validationCount, test, 0, testCount);
    System.arraycopy(anomalous, 0, test, testCount, anomalous.length);
    // Keep the source order inside each part: shuffling the test set changes no metric, and sorted
    // indices make outputs easy to trace back to the file.
    Arrays.sort(train);
    Arrays.sort(validation);
    Arrays.sort(test);
    return new Split(data.select(train), data.select(validation), data.select(test));
  }

  private static int[] indices(Dataset data, boolean anomalous) {
    int[] out = new int[data.rows()];
    int n = 0;
    for (int i = 0; i < data.rows(); i++) {
      if (data.isAnomaly(i) == anomalous) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

}

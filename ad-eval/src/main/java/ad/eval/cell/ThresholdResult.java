package ad.eval.cell;

import ad.eval.metrics.ConfusionMatrix;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one thresholder gave on a cell's scores.
 *
 * @param fitOn which scores the threshold was fitted on ({@code validation}, {@code train},
 *     {@code test}, or {@code test labels} for an oracle); empty when it failed
 * @param oracle the threshold was chosen with the test labels: an upper bound, not a label-free result
 * @param rule the threshold as text ({@code mean + 3.0 * std})
 * @param counts the decisions against the test labels
 * @param measures the threshold measures by name: {@link StandardMeasures#OF_THRESHOLD} and the
 *     spec's extra threshold measures; NaN where undefined
 */
public record ThresholdResult(String thresholder, Status status, String error, String fitOn, boolean oracle,
    double threshold, String rule, ConfusionMatrix counts, Map<String, Double> measures) implements Serializable {

  public ThresholdResult {
    measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
  }

  /** A thresholder that could not fit, with the reason; the cell's other thresholders may still stand. */
  public static ThresholdResult failed(String thresholder, String error) {
    return new ThresholdResult(thresholder, Status.FAILED, error, "", false, Double.NaN, "",
        new ConfusionMatrix(0, 0, 0, 0), Map.of());
  }

  public boolean failed() {
    return status == Status.FAILED;
  }
}

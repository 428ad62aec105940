package ad.eval.pipeline;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.Threshold;
import ad.core.UserException;
import ad.core.scale.FittedScaler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted pipeline: raw rows in, scores and decisions out.
 *
 * @param detectorType registry type of the detector; {@code detectorOptions} its resolved options
 * @param scalerType registry type of the scaler; {@code scalerOptions} its resolved options
 * @param thresholds the fitted thresholds, the first being the default decision rule
 * @param featureNames the columns the pipeline reads, in order
 * @param sampleShape how a row is laid out (e.g. [28, 28, 1])
 * @param provenance where the pipeline came from (experiment, dataset, seed, versions, training loss)
 */
public record Pipeline(String detectorType, Map<String, Object> detectorOptions, DetectorModel model,
    String scalerType, Map<String, Object> scalerOptions, FittedScaler scaler,
    List<NamedThreshold> thresholds, List<String> featureNames, int[] sampleShape,
    Map<String, Object> provenance) {

  /** A threshold with the name of the thresholder that produced it. */
  public record NamedThreshold(String name, String type, Threshold threshold) {}

  public Pipeline {
    thresholds = List.copyOf(thresholds);
    featureNames = List.copyOf(featureNames);
    sampleShape = sampleShape.clone();
    if (thresholds.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one threshold");
    }
  }

  /** Scores raw (unscaled) rows; higher = more anomalous. */
  public Scores score(Dataset raw) {
    return model.score(prepare(raw));
  }

  /** Per-feature errors of raw rows, if the model can explain its scores. */
  public Optional<FeatureErrors> explain(Dataset raw) {
    return model.explain(prepare(raw));
  }

  /** The threshold named {@code name}, or the default (first) one when {@code name} is null. */
  public NamedThreshold threshold(String name) {
    if (name == null) {
      return thresholds.get(0);
    }
    return thresholds.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
        new UserException("the model has no threshold named '" + name + "'; it has "
            + thresholds.stream().map(NamedThreshold::name).toList()));
  }

  private Dataset prepare(Dataset raw) {
    if (raw.columns() != featureNames.size()) {
      throw new UserException("the model was trained on " + featureNames.size() + " features but '"
          + raw.name() + "' has " + raw.columns());
    }
    return scaler.transform(raw).withSampleShape(sampleShape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pipeline p && detectorType.equals(p.detectorType)
        && thresholds.equals(p.thresholds) && featureNames.equals(p.featureNames)
        && Arrays.equals(sampleShape, p.sampleShape);
  }

  @Override
  public int hashCode() {
    return detectorType.hashCode() * 31 + featureNames.hashCode();
  }
}

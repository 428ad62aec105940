package ad.eval.pipeline;

import ad.core.Dataset;
import ad.core.DetectorModel;
import ad.core.FeatureErrors;
import ad.core.Scores;
import ad.core.Threshold;
import ad.core.UserException;
import ad.core.encode.Encoded;
import ad.core.scale.FittedScaler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted pipeline: raw rows in, scores and decisions out. Raw rows hold the numeric input columns as
 * values and the categorical ones as {@linkplain Dataset#categoricalColumns() categorical columns};
 * the pipeline encodes, scales and shapes them as its training run did.
 *
 * @param detectorType registry type of the detector; {@code detectorOptions} its resolved options
 * @param scalerType registry type of the scaler; {@code scalerOptions} its resolved options
 * @param thresholds the fitted thresholds, the first being the default decision rule
 * @param inputs the raw columns the pipeline reads and how categorical ones are encoded
 * @param featureNames the model's features, in order: {@code inputs.featureNames()}
 * @param sampleShape how a row is laid out (e.g. [28, 28, 1])
 * @param provenance where the pipeline came from (experiment, dataset, seed, versions, training loss)
 * @param windowing for a series pipeline, how raw rows become windows and window scores point
 *     scores (its input columns are then the channels, and its features each channel at each window
 *     position); null for a pipeline that scores rows one by one
 */
public record Pipeline(String detectorType, Map<String, Object> detectorOptions, DetectorModel model,
    String scalerType, Map<String, Object> scalerOptions, FittedScaler scaler,
    List<NamedThreshold> thresholds, InputColumns inputs, List<String> featureNames, int[] sampleShape,
    Map<String, Object> provenance, Windowing windowing) {

  /** A threshold with the name of the thresholder that produced it. */
  public record NamedThreshold(String name, String type, Threshold threshold) {}

  /**
   * Raw rows made ready for the model (encoded, scaled, shaped), with their categorical values that
   * training never showed (encoded as all zeros).
   */
  public record Prepared(Dataset features, Encoded encoding) {
    /** The number of unseen categorical values in row {@code row}. */
    public int unseenInRow(int row) {
      return encoding.unseenInRow(row);
    }

    /** Per categorical column, the rows whose value training never showed. */
    public Map<String, Integer> unseen() {
      return encoding.unseen();
    }
  }

  public Pipeline {
    thresholds = List.copyOf(thresholds);
    featureNames = List.copyOf(featureNames);
    sampleShape = sampleShape.clone();
    if (thresholds.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one threshold");
    }
    if (windowing == null && !inputs.featureNames().equals(featureNames)) {
      throw new IllegalArgumentException("its input columns encode to " + inputs.featureNames().size()
          + " features, not to its " + featureNames.size() + " features");
    }
    if (windowing != null) {
      List<String> channels = inputs.numeric();
      if (inputs.hasCategorical() || !windowing.featureNames(channels).equals(featureNames)
          || !Arrays.equals(sampleShape, new int[] {windowing.window(), channels.size()})) {
        throw new IllegalArgumentException("its features are not windows of " + windowing.window()
            + " positions of its " + channels.size() + " channels");
      }
    }
  }

  /** A pipeline that scores rows one by one (no windowing). */
  public Pipeline(String detectorType, Map<String, Object> detectorOptions, DetectorModel model,
      String scalerType, Map<String, Object> scalerOptions, FittedScaler scaler,
      List<NamedThreshold> thresholds, InputColumns inputs, List<String> featureNames, int[] sampleShape,
      Map<String, Object> provenance) {
    this(detectorType, detectorOptions, model, scalerType, scalerOptions, scaler, thresholds, inputs,
        featureNames, sampleShape, provenance, null);
  }

  /** True for a pipeline over windows of a series. */
  public boolean isSeries() {
    return windowing != null;
  }

  /**
   * Scores raw (unscaled) rows; higher = more anomalous. For a series pipeline the rows are raw
   * windows (each channel at each position, time-major); {@link SeriesScorer} forms them from a file.
   */
  public Scores score(Dataset raw) {
    return model.score(prepare(raw).features());
  }

  /** Per-feature errors of raw rows, if the model can explain its scores. */
  public Optional<FeatureErrors> explain(Dataset raw) {
    return model.explain(prepare(raw).features());
  }

  /** The default decision rule: the first threshold; a row is anomalous when its score is above it. */
  public Threshold threshold() {
    return thresholds.get(0).threshold();
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

  /**
   * Encodes, scales and shapes raw rows; score {@link Prepared#features()} with {@link #model()} (once
   * for both scores and explanations of a batch).
   *
   * @throws UserException if {@code raw} has another number of numeric columns, or lacks a
   *     categorical column
   */
  public Prepared prepare(Dataset raw) {
    int numeric = inputs.numeric().size();
    if (windowing != null && raw.columns() != featureNames.size()) {
      throw new UserException("the model scores windows of " + windowing.window() + " x " + numeric
          + " channels = " + featureNames.size() + " values but '" + raw.name() + "' has rows of " + raw.columns());
    }
    if (windowing == null && raw.columns() != numeric) {
      throw new UserException("the model was trained on " + numeric + (inputs.hasCategorical() ? " numeric" : "")
          + " features but '" + raw.name() + "' has " + raw.columns());
    }
    Encoded encoded = inputs.encoder().transform(raw);
    return new Prepared(scaler.transform(encoded.dataset()).withSampleShape(sampleShape), encoded);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pipeline p && detectorType.equals(p.detectorType)
        && thresholds.equals(p.thresholds) && featureNames.equals(p.featureNames)
        && inputs.encoder().vocabularies().equals(p.inputs.encoder().vocabularies())
        && Arrays.equals(sampleShape, p.sampleShape) && java.util.Objects.equals(windowing, p.windowing);
  }

  @Override
  public int hashCode() {
    return detectorType.hashCode() * 31 + featureNames.hashCode();
  }
}

package ad.eval.pipeline;

import ad.core.Dataset;
import ad.core.Detector;
import ad.core.DetectorModel;
import ad.core.Thresholder;
import ad.core.encode.FittedEncoder;
import ad.core.encode.OneHotEncoder;
import ad.core.registry.ComponentType;
import ad.core.registry.NoOptions;
import ad.core.registry.Registry;
import ad.core.scale.FittedScaler;
import ad.core.scale.Scaler;
import ad.eval.pipeline.Pipeline.NamedThreshold;
import ad.eval.spec.SpecJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fits a {@link Pipeline} from Java, as an experiment cell fits one: the one-hot encoder (for
 * categorical columns) and the scaler on the training rows only, the detector on the scaled training
 * rows, each thresholder on the scores of the validation rows. The pipeline can then score raw rows,
 * and {@link PipelineFile#write} saves it for {@code ad score} or {@link PipelineFile#read}.
 *
 * <p>Components are given as the same records an experiment file is read into (a detector's options
 * record, a thresholder record) and found in the {@link Registry} by that record's class, so that the
 * saved file names their registry type and options and loads back to the same components:
 *
 * <pre>{@code
 * Pipeline pipeline = new PipelineBuilder(Registry.load())
 *     .scaler("min_max")
 *     .detector(new DenseAutoencoderOptions(List.of(16, 8, 16)))
 *     .thresholder(new MeanStdThresholder(3.0))
 *     .fit(split.train(), split.validation(), 42);
 * }</pre>
 */
public final class PipelineBuilder {
  private final Registry registry;
  private ComponentType<?, Scaler> scaler;
  private ComponentType<?, Detector> detectorType;
  private Object detectorOptions;
  private final Map<String, Thresholder> thresholders = new LinkedHashMap<>();

  /** A builder that finds components in {@code registry} (usually {@link Registry#load()}). */
  public PipelineBuilder(Registry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.scaler = scalerType("min_max");
  }

  /**
   * The scaler by its registry type: {@code min_max} (the default), {@code standard}, {@code robust} or
   * {@code none}.
   *
   * @throws IllegalArgumentException if the registry has no such scaler
   */
  public PipelineBuilder scaler(String type) {
    this.scaler = scalerType(type);
    return this;
  }

  /**
   * The detector, by its options record: e.g. {@code new DenseAutoencoderOptions(List.of(16, 8, 16))}
   * for a {@code dense_autoencoder}, {@code PcaOptions.defaults()} for a {@code pca}.
   *
   * @throws IllegalArgumentException if no registered detector type takes options of this class
   */
  public PipelineBuilder detector(Object options) {
    this.detectorType = byOptions(Detector.class, options, "detector");
    this.detectorOptions = options;
    return this;
  }

  /**
   * Adds a thresholder, e.g. {@code new MeanStdThresholder(3.0)}: a registered thresholder record,
   * named by its type in the pipeline. The first one added is the pipeline's default decision rule.
   * Oracles (which need labels) cannot be saved with a pipeline and are not taken.
   *
   * @throws IllegalArgumentException if the thresholder is not a registered type with options, or a
   *     thresholder of the same type was added already
   */
  public PipelineBuilder thresholder(Thresholder thresholder) {
    ComponentType<?, Thresholder> type = byOptions(Thresholder.class, thresholder, "thresholder");
    if (thresholders.putIfAbsent(type.name(), thresholder) != null) {
      throw new IllegalArgumentException("a '" + type.name() + "' thresholder was added already");
    }
    return this;
  }

  /**
   * Fits the pipeline: encoder and scaler on {@code train}, the detector on the scaled {@code train}
   * with {@code seed}, the thresholders on the scores of {@code validation} (which may be
   * {@code train} itself). Neither dataset is changed.
   *
   * @throws IllegalStateException if no detector or no thresholder was given
   * @throws ad.core.UserException if the data does not fit a component (too few rows, a bad value)
   */
  public Pipeline fit(Dataset train, Dataset validation, long seed) {
    if (detectorType == null || thresholders.isEmpty()) {
      throw new IllegalStateException("a pipeline needs a detector and at least one thresholder");
    }
    FittedEncoder encoder = new OneHotEncoder().fit(train);
    Dataset encodedTrain = encoder.transform(train).dataset();
    FittedScaler fittedScaler = scaler.create(NoOptions.INSTANCE).fit(encodedTrain);
    Dataset scaledTrain = fittedScaler.transform(encodedTrain);
    DetectorModel model = detectorType.create(detectorOptions).fit(scaledTrain, seed);
    Dataset scaledValidation = validation == train ? scaledTrain
        : fittedScaler.transform(encoder.transform(validation).dataset());
    var reference = model.score(scaledValidation).requireFinite("the validation scores of '" + validation.name() + "'");
    List<NamedThreshold> thresholds = new ArrayList<>();
    thresholders.forEach((type, thresholder) -> thresholds.add(new NamedThreshold(type, type,
        thresholder.fit(reference))));
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("dataset", train.name());
    provenance.put("seed", seed);
    provenance.put("train_rows", train.rows());
    provenance.put("validation_rows", scaledValidation.rows());
    model.trainingHistory().ifPresent(h -> provenance.put("training_history", h));
    List<String> features = encodedTrain.featureNames();
    return new Pipeline(detectorType.name(), SpecJson.options(detectorOptions), model, scaler.name(),
        Map.of(), fittedScaler, thresholds, InputColumns.of(features, encoder, List.of(), null), features,
        scaledTrain.sampleShape(), provenance);
  }

  private ComponentType<?, Scaler> scalerType(String type) {
    return registry.find(Scaler.class, type).orElseThrow(() -> new IllegalArgumentException(
        "no scaler type '" + type + "'; known: " + registry.names(Scaler.class)));
  }

  /** The one registered component of {@code kind} whose options record is {@code options}' class. */
  private <T> ComponentType<?, T> byOptions(Class<T> kind, Object options, String label) {
    Objects.requireNonNull(options, label);
    List<ComponentType<?, T>> matching = registry.all(kind).stream()
        .filter(t -> t.optionsType() == options.getClass()).toList();
    if (matching.size() != 1) {
      throw new IllegalArgumentException(matching.isEmpty()
          ? "no registered " + label + " type takes a " + options.getClass().getName() + "; the " + label
              + " types are " + registry.names(kind)
          : "several " + label + " types take a " + options.getClass().getName() + ": "
              + matching.stream().map(ComponentType::name).toList());
    }
    return matching.get(0);
  }
}

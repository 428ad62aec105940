package ad.eval.cell;

import ad.core.Dataset;
import ad.core.Seeds;
import ad.core.UserException;
import ad.core.encode.Encoded;
import ad.core.encode.FittedEncoder;
import ad.core.encode.OneHotEncoder;
import ad.core.protocol.Protocol;
import ad.core.protocol.Split;
import ad.core.scale.FittedScaler;
import ad.core.scale.Scaler;
import ad.core.series.WindowIndex;
import java.util.function.Consumer;

/**
 * A split whose parts are encoded and scaled with statistics of the training part only. Immutable:
 * every detector of a (dataset, seed) pair can share one.
 *
 * @param validationIsTrain the protocol holds out nothing: thresholds are fitted on training scores
 * @param encoder the one-hot encoder fitted on the training part (no columns when none are categorical)
 * @param unseenCategories categorical values in validation and test that training never saw
 * @param scaler the fitted scaler, or null when each series file has its own
 * @param fileScaling the scaler of each series file, or null when one scaler serves all rows
 * @param series maps window rows back to points, or null for plain rows
 * @param windows for series, every window as loaded (unscaled, by row id): test windows are scored
 *     in chunks of their file's windows, as {@code ad score} scores them (see {@link SeriesTestScores})
 */
public record PreparedSplit(Dataset train, Dataset validation, Dataset test, boolean validationIsTrain,
    FittedEncoder encoder, int unseenCategories, FittedScaler scaler, PerFileScaling fileScaling,
    WindowIndex series, Dataset windows) {

  /**
   * Splits {@code loaded} under {@code seed}, then fits the encoder and the scaler (one, or one per
   * series file with {@code perFileModels}) on the training part and applies them to every part.
   *
   * @param warn hears about categorical values the training part never saw (once per split)
   * @throws UserException if the protocol leaves no test rows or a series file has no training windows
   */
  public static PreparedSplit prepare(LoadedDataset loaded, long seed, Protocol protocol, Scaler scaler,
      boolean perFileModels, Consumer<String> warn) {
    Dataset data = loaded.data();
    Split split = protocol.split(data, Seeds.derive(seed, "split"));
    if (split.test().rows() == 0) {
      throw new UserException("dataset '" + data.name() + "': the protocol left no test rows");
    }
    // Checked before transforming: protocols that hold nothing out hand back the training part itself.
    boolean validationIsTrain = split.validation() == split.train();
    if (protocol.trainsOnContaminatedData()) {
      // Unsupervised detection: the detector must not see which training rows are anomalous.
      Dataset unlabelled = split.train().withoutLabels();
      split = new Split(unlabelled, validationIsTrain ? unlabelled : split.validation(), split.test());
    }
    FittedEncoder encoder = new OneHotEncoder().fit(split.train());
    Encoded train = encoder.transform(split.train());
    Encoded validation = validationIsTrain ? train : encoder.transform(split.validation());
    Encoded test = encoder.transform(split.test());
    int unseen = (validationIsTrain ? 0 : validation.unseenCount()) + test.unseenCount();
    if (unseen > 0) {
      warn.accept(unseen + " categorical values in the validation and test rows of '" + data.name()
          + "' (seed " + seed + ") were not seen in training; they are encoded as all zeros");
    }
    if (loaded.series() != null && perFileModels) {
      PerFileScaling scaling = PerFileScaling.fit(scaler, train.dataset(), loaded.series());
      Dataset scaledTrain = scaling.transform(train.dataset());
      return new PreparedSplit(scaledTrain,
          validationIsTrain ? scaledTrain : scaling.transform(validation.dataset()),
          scaling.transform(test.dataset()), validationIsTrain, encoder, unseen, null, scaling, loaded.series(),
          data);
    }
    FittedScaler fitted = scaler.fit(train.dataset());
    Dataset scaledTrain = fitted.transform(train.dataset());
    return new PreparedSplit(scaledTrain,
        validationIsTrain ? scaledTrain : fitted.transform(validation.dataset()),
        fitted.transform(test.dataset()), validationIsTrain, encoder, unseen, fitted, null, loaded.series(),
        loaded.series() == null ? null : data);
  }

  /** The parts of one series file, fitted and thresholded on their own ({@code series_models: per_file}). */
  PreparedSplit ofFile(Dataset fileTrain, Dataset fileValidation, Dataset fileTest) {
    return new PreparedSplit(fileTrain, fileValidation, fileTest, validationIsTrain || fileValidation == fileTrain,
        encoder, 0, null, null, series, windows);
  }
}

package ad.eval.run;

import ad.core.Dataset;
import ad.core.Seeds;
import ad.core.UserException;
import ad.core.data.DataContext;
import ad.core.data.DatasetSource;
import ad.core.data.SeriesData;
import ad.core.data.SeriesSource;
import ad.core.encode.Encoded;
import ad.core.encode.FittedEncoder;
import ad.core.encode.OneHotEncoder;
import ad.core.series.WindowIndex;
import ad.core.protocol.Split;
import ad.core.scale.FittedScaler;
import ad.eval.spec.Component;
import ad.eval.spec.ExperimentSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Loads each dataset once and prepares each (dataset, seed) split once (split, one-hot encoding of
 * categorical columns and scaling, all fitted on the training part only), however many detectors and
 * workers use them: both are immutable, so cells share them safely. Each is dropped as soon as the
 * last cell that needs it has finished ({@link #release}), so a long run over many large datasets
 * holds only what its cells in flight use.
 */
final class PreparedData {
  private final ExperimentSpec spec;
  private final DataContext context;
  private final Map<String, CompletableFuture<Loaded>> datasets = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<PreparedSplit>> splits = new ConcurrentHashMap<>();

  /** A dataset as loaded; {@code series} is null unless its rows are windows of time series. */
  private record Loaded(Dataset data, WindowIndex series) {}

  /**
   * A split whose parts are encoded and scaled with statistics of the training part only.
   *
   * @param validationIsTrain the protocol holds out nothing: thresholds are fitted on training scores
   * @param encoder the one-hot encoder fitted on the training part (no columns when none are categorical)
   * @param unseenCategories categorical values in validation and test that training never saw
   * @param scaler the fitted scaler, or null when each series file has its own
   * @param fileScaling the scaler of each series file, or null when one scaler serves all rows
   * @param series maps window rows back to points, or null for plain rows
   * @param windows for series, every window as loaded (unscaled, by row id): test windows are scored
   *     in chunks of their file's windows, as {@code ad score} scores them (see {@code SeriesTestScores})
   */
  record PreparedSplit(Dataset train, Dataset validation, Dataset test, boolean validationIsTrain,
      FittedEncoder encoder, int unseenCategories, FittedScaler scaler, PerFileScaling fileScaling,
      WindowIndex series, Dataset windows) {}

  private final Map<String, Integer> pendingByDataset = new ConcurrentHashMap<>();
  private final Map<String, Integer> pendingBySplit = new ConcurrentHashMap<>();

  private final RunListener listener;

  /** @param cells the cells that will ask for data; each must call {@link #release} when done */
  PreparedData(ExperimentSpec spec, DataContext context, List<Cell> cells, RunListener listener) {
    this.spec = spec;
    this.context = context;
    this.listener = listener;
    for (Cell c : cells) {
      pendingByDataset.merge(c.dataset().name(), 1, Integer::sum);
      pendingBySplit.merge(splitKey(c.dataset(), c.seed()), 1, Integer::sum);
    }
  }

  /** Tells that {@code cell} no longer needs its data. */
  void release(Cell cell) {
    String split = splitKey(cell.dataset(), cell.seed());
    if (pendingBySplit.merge(split, -1, Integer::sum) <= 0) {
      splits.remove(split);
    }
    if (pendingByDataset.merge(cell.dataset().name(), -1, Integer::sum) <= 0) {
      datasets.remove(cell.dataset().name());
    }
  }

  private static String splitKey(Component<DatasetSource> source, long seed) {
    return source.name() + "\u0000" + seed;
  }

  /**
   * @throws UserException if the dataset cannot be loaded or split (the same error for every cell)
   */
  PreparedSplit split(Component<DatasetSource> source, long seed) {
    return once(splits, splitKey(source, seed), () -> prepare(dataset(source), seed));
  }

  private Loaded dataset(Component<DatasetSource> source) {
    return once(datasets, source.name(), () -> {
      if (source.instance() instanceof SeriesSource series) {
        SeriesData loaded = series.loadSeries(context);
        return new Loaded(loaded.windows().withName(source.name()), loaded.index());
      }
      return new Loaded(source.instance().load(context).withName(source.name()), null);
    });
  }

  /**
   * Computes the value for {@code key} in the first thread that asks; others wait for it. A failure
   * is remembered too, so a dataset that cannot be loaded is tried once, not once per cell.
   */
  private static <T> T once(Map<String, CompletableFuture<T>> memo, String key, Supplier<T> compute) {
    CompletableFuture<T> mine = new CompletableFuture<>();
    CompletableFuture<T> existing = memo.putIfAbsent(key, mine);
    if (existing != null) {
      return join(existing);
    }
    try {
      mine.complete(compute.get());
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
    }
    return join(mine);
  }

  private PreparedSplit prepare(Loaded loaded, long seed) {
    Dataset data = loaded.data();
    Split split = spec.protocol().instance().split(data, Seeds.derive(seed, "split"));
    if (split.test().rows() == 0) {
      throw new UserException("dataset '" + data.name() + "': the protocol left no test rows");
    }
    // Checked before transforming: protocols that hold nothing out hand back the training part itself.
    boolean validationIsTrain = split.validation() == split.train();
    if (spec.protocol().instance().trainsOnContaminatedData()) {
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
      // Once per split, not once per detector: every cell of this split sees the same encoding.
      listener.warn(unseen + " categorical values in the validation and test rows of '" + data.name()
          + "' (seed " + seed + ") were not seen in training; they are encoded as all zeros");
    }
    if (loaded.series() != null && spec.options().perFileModels()) {
      PerFileScaling scaling = PerFileScaling.fit(spec.scaler().instance(), train.dataset(), loaded.series());
      Dataset scaledTrain = scaling.transform(train.dataset());
      return new PreparedSplit(scaledTrain,
          validationIsTrain ? scaledTrain : scaling.transform(validation.dataset()),
          scaling.transform(test.dataset()), validationIsTrain, encoder, unseen, null, scaling, loaded.series(),
          data);
    }
    FittedScaler scaler = spec.scaler().instance().fit(train.dataset());
    Dataset scaledTrain = scaler.transform(train.dataset());
    return new PreparedSplit(scaledTrain,
        validationIsTrain ? scaledTrain : scaler.transform(validation.dataset()),
        scaler.transform(test.dataset()), validationIsTrain, encoder, unseen, scaler, null, loaded.series(),
        loaded.series() == null ? null : data);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
